package cn.qiying.policy.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.qiying.platform.time.ClockConfiguration;

/** A profile as the REST API shows it: codes with their Chinese names, times in Asia/Shanghai. */
record EnterpriseView(String uscc, String name, String district, String industry, String industryName, String scale,
                      String scaleLabel, LocalDate founded, Set<String> tags, Set<String> staffTags, Set<String> ruleTags,
                      Set<String> confirmedTags, List<Contact> contacts, String source, OffsetDateTime updatedAt) {

    static EnterpriseView of(Enterprise e, ProfileTerms terms) {
        return new EnterpriseView(e.uscc(), e.name(), e.district(), e.industry(), terms.industryName(e.industry()),
                e.scale() == null ? null : e.scale().json(), terms.scaleLabel(e.scale()), e.founded(), e.tags(),
                e.staffTags(), e.ruleTags(), e.confirmedTags(), e.contacts(), e.source(),
                e.updatedAt() == null ? null : e.updatedAt().atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime());
    }
}
