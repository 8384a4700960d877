package cn.qiying.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.qiying.handoff.appeal.CreditCode;

/**
 * Generated enterprises and policies for the tests (seeded, so a failure repeats): facts drawn from the demo's
 * districts, the industry sections and the tag scheme, policies with every kind of condition and validity.
 */
public final class Sample {

    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public static final List<String> DISTRICTS = List.of("东城区", "西城区", "南湖区", "北山区", "临江县", "高新区");
    public static final List<String> INDUSTRIES = List.of("C", "I", "F", "E", "G", "M", "A", "H");
    public static final List<String> SCALES = List.of("large", "medium", "small", "micro");
    /** Tags staff give (qualifications, ownership, trade); the rule tags come from the facts. */
    public static final List<String> GIVEN = List.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "进出口企业",
            "民营企业", "国有企业", "外商投资企业", "纳税信用A级企业", "吸纳高校毕业生企业");
    private static final double[] GIVEN_ODDS = {0.15, 0.2, 0.08, 0.12, 0.7, 0.05, 0.06, 0.25, 0.1};
    public static final List<String> TOPICS = List.of("资金补贴", "税费优惠", "融资支持", "人才与就业", "科技创新");

    private Sample() {
    }

    /** A valid credit code, different for every {@code n}. */
    public static String uscc(int n) {
        StringBuilder body = new StringBuilder("91370100");
        int v = n;
        for (int i = 0; i < 9; i++) {
            body.append(CHARS.charAt(v % 31));
            v /= 31;
        }
        return body.toString() + CreditCode.checkCharacter(body.toString());
    }

    public record Firm(String uscc, String name, String district, String industry, String scale, Set<String> tags,
                       String phone, LocalDate founded) {

        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uscc", uscc);
            m.put("name", name);
            m.put("district", district);
            m.put("industry", industry);
            m.put("scale", scale);
            m.put("tags", List.copyOf(tags));
            m.put("contacts", List.of(Map.of("name", "联系人" + uscc.substring(12), "phone", phone)));
            m.put("founded", founded.toString());
            return m;
        }
    }

    public static List<Firm> firms(int count, long seed) {
        Random r = new Random(seed);
        List<Firm> firms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<String> tags = new LinkedHashSet<>();
            for (int t = 0; t < GIVEN.size(); t++) {
                if (r.nextDouble() < GIVEN_ODDS[t]) {
                    tags.add(GIVEN.get(t));
                }
            }
            String phone = "13" + (5 + r.nextInt(5)) + String.format("%08d", r.nextInt(100_000_000));
            firms.add(new Firm(uscc(i + 1), "测试企业" + i + "有限公司", DISTRICTS.get(r.nextInt(DISTRICTS.size())),
                    INDUSTRIES.get(r.nextInt(INDUSTRIES.size())), SCALES.get(r.nextInt(SCALES.size())), tags, phone,
                    LocalDate.of(1995 + r.nextInt(31), 1 + r.nextInt(12), 1 + r.nextInt(28))));
        }
        return firms;
    }

    public record Rule(List<String> allTags, List<String> anyTags, List<String> districts, List<String> industries,
                       List<String> scales) {

        public Map<String, Object> json() {
            return Map.of("allTags", allTags, "anyTags", anyTags, "districts", districts, "industries", industries, "scales", scales);
        }
    }

    public record Offer(String id, String title, LocalDate validFrom, LocalDate validTo, List<String> topics, Rule rule) {

        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("title", title);
            m.put("summary", "面向符合条件企业的扶持政策（测试" + id + "）");
            m.put("department", "市工业和信息化局");
            if (validFrom != null) {
                m.put("validFrom", validFrom.toString());
            }
            if (validTo != null) {
                m.put("validTo", validTo.toString());
            }
            m.put("benefit", "按规定给予支持");
            m.put("topics", topics);
            m.put("conditions", rule.json());
            return m;
        }
    }

    /** Policies; about one in ten expired and one in twenty not yet in force on {@code today}. */
    public static List<Offer> offers(int count, long seed, LocalDate today) {
        Random r = new Random(seed);
        List<String> ruleTags = List.of("中小微企业", "制造业企业", "小型企业", "初创期企业", "成熟期企业");
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> pool = new ArrayList<>(GIVEN);
            pool.addAll(ruleTags);
            List<String> all = pick(r, pool, r.nextInt(3));
            pool.removeAll(all);
            List<String> any = pick(r, pool, r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(3));
            Rule rule = new Rule(all, any, pick(r, DISTRICTS, r.nextInt(3)), pick(r, INDUSTRIES, r.nextInt(3)),
                    pick(r, SCALES, r.nextInt(3)));
            double v = r.nextDouble();
            LocalDate to = v < 0.05 ? today.plusDays(300) : v < 0.15 ? today.minusDays(1 + r.nextInt(30))
                    : r.nextBoolean() ? null : today.plusDays(r.nextInt(500));
            LocalDate from = v < 0.05 ? today.plusDays(10) : v < 0.15 ? to.minusDays(100 + r.nextInt(300))
                    : today.minusDays(r.nextInt(400));
            offers.add(new Offer("p" + String.format("%03d", i), "测试政策第" + i + "号", from, to, pick(r, TOPICS, 1 + r.nextInt(2)), rule));
        }
        return offers;
    }

    private static List<String> pick(Random r, List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n && !copy.isEmpty(); i++) {
            picked.add(copy.remove(r.nextInt(copy.size())));
        }
        return picked;
    }
}
