package cn.qiying.handoff.appeal;

import java.util.List;

/**
 * An appeal as the enterprise filed it.
 *
 * @param kind       help, complaint, report, suggestion or enquiry
 * @param department nullable: a department chosen in advance, e.g. by a service card (id or name)
 */
public record NewAppeal(String channel, String appId, String openId, String kind,
                        String enterpriseName, String uscc, String contact, String phone, String district, String category,
                        String description, List<String> attachments, String cardCode, String department) {
}
