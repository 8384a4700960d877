package cn.qiying.policy.library;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.qiying.platform.time.ClockConfiguration;

/** A policy as the REST API shows it. */
record PolicyView(String id, String title, String summary, String text, String link, String department,
                  LocalDate validFrom, LocalDate validTo, String benefit, List<String> topics, Conditions conditions,
                  OffsetDateTime updatedAt) {

    static PolicyView of(Policy p) {
        return new PolicyView(p.id(), p.title(), p.summary(), p.text(), p.link(), p.department(), p.validFrom(), p.validTo(),
                p.benefit(), p.topics(), p.conditions(),
                p.updatedAt() == null ? null : p.updatedAt().atZone(ClockConfiguration.SHANGHAI).toOffsetDateTime());
    }
}
