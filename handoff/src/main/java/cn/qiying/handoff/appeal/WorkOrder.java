package cn.qiying.handoff.appeal;

import java.time.OffsetDateTime;
import java.util.List;

/** A 12345 hotline work order (CONTRACT.md, ticket import). */
record WorkOrder(String externalId, OffsetDateTime receivedAt, String kind, String complexity, String district, String category,
                 EnterpriseJson enterprise, String description, List<String> attachments) {

    record EnterpriseJson(String name, String uscc, String contact, String phone) {
    }
}
