package cn.qiying.policy.tag;

import java.time.LocalDate;

/** What tag rules read of a profile: industry section code, scale code, district, and founding date (each nullable). */
public record ProfileFacts(String industry, String scale, String district, LocalDate founded) {
}
