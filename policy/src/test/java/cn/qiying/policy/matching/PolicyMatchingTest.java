package cn.qiying.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.policy.Api;
import cn.qiying.policy.Json;
import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.Sample;
import cn.qiying.policy.Sample.Firm;
import cn.qiying.policy.Sample.Offer;
import cn.qiying.policy.Staff;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;
import tools.jackson.databind.JsonNode;

/**
 * 2,000 enterprises and 200 policies posted through the API; every policy's matches are exactly the enterprises a
 * check written here finds (tags given plus those the rules give, district, industry, scale, validity today).
 */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyMatchingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @LocalServerPort int port;
    @Autowired Staff staff;
    @Autowired MovableClock clock;
    Api api;
    static List<Firm> firms;
    static List<Offer> offers;

    @BeforeEach
    void importEverythingOnce() {
        api = new Api(port);
        clock.set(PolicyTestApplication.START);
        if (firms != null) {
            return;
        }
        staff.create();
        firms = Sample.firms(2000, 20);
        offers = Sample.offers(200, 21, TODAY);
        Api.Answer saved = api.post(Staff.OPERATOR, "/api/enterprises", Json.MAPPER.writeValueAsString(firms.stream().map(Firm::json).toList()));
        assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);
        assertThat(saved.body().get("refused")).as("%s", saved.body()).isEmpty();
        assertThat(saved.body().get("saved").asInt()).isEqualTo(2000);
        Api.Answer policies = api.post(Staff.OPERATOR, "/api/policies", Json.MAPPER.writeValueAsString(offers.stream().map(Offer::json).toList()));
        assertThat(policies.status()).as("%s", policies.body()).isEqualTo(200);
        assertThat(policies.body().get("refused")).as("%s", policies.body()).isEmpty();
        assertThat(policies.body().get("saved").asInt()).isEqualTo(200);
    }

    @Test
    void everyPolicyMatchesExactlyTheEnterprisesTheHandWrittenCheckFinds() {
        int checked = 0;
        int nonEmpty = 0;
        for (Offer offer : offers) {
            Set<String> expected = firms.stream().filter(f -> meets(f, offer)).map(Firm::uscc).collect(Collectors.toCollection(TreeSet::new));
            Api.Answer answer = api.get(Staff.OPERATOR, "/api/policies/" + offer.id() + "/matches");
            assertThat(answer.status()).isEqualTo(200);
            Set<String> found = new TreeSet<>();
            answer.body().forEach(m -> found.add(m.get("uscc").asString()));
            assertThat(found).as("policy %s %s", offer.id(), offer.rule()).isEqualTo(expected);
            assertThat(answer.body().size()).as("no enterprise twice").isEqualTo(found.size());
            assertThat(answer.raw().headers().firstValue("X-Total-Count")).hasValue(Integer.toString(expected.size()));
            checked++;
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(checked).isEqualTo(200);
        assertThat(nonEmpty).as("the sample exercises real matches").isGreaterThan(100);
    }

    @Test
    void anExpiredPolicyMatchesNoneThoughItsConditionsHold() {
        Offer expired = offers.stream().filter(o -> o.validTo() != null && o.validTo().isBefore(TODAY)).findFirst().orElseThrow();
        assertThat(firms.stream().filter(f -> admits(f, expired.rule())).count()).as("its conditions alone would match").isPositive();
        assertThat(api.get(Staff.OPERATOR, "/api/policies/" + expired.id() + "/matches").body()).isEmpty();
        Offer future = offers.stream().filter(o -> o.validFrom() != null && o.validFrom().isAfter(TODAY)).findFirst().orElseThrow();
        assertThat(api.get(Staff.OPERATOR, "/api/policies/" + future.id() + "/matches").body()).isEmpty();
    }

    @Test
    void eachMatchSaysWhyInTheConditionsOwnTerms() {
        api.post(Staff.OPERATOR, "/api/policies", """
                {"id": "why-1", "title": "高企研发奖补", "summary": "高新技术企业研发投入奖补", "department": "市科技局",
                 "conditions": {"allTags": ["高新技术企业"], "anyTags": ["进出口企业", "民营企业"], "districts": ["南湖区", "北山区"],
                                "industries": ["制造业", "I"], "scales": ["小型", "micro"]}}""");
        JsonNode matches = api.get(Staff.OPERATOR, "/api/policies/why-1/matches").body();
        assertThat(matches.size()).isPositive();
        Map<String, Firm> byCode = firms.stream().collect(Collectors.toMap(Firm::uscc, f -> f));
        for (JsonNode m : matches) {
            Firm f = byCode.get(m.get("uscc").asString());
            assertThat(m.get("name").asString()).isEqualTo(f.name());
            String why = m.get("why").asString();
            assertThat(why).contains("高新技术企业").contains("所在区县：" + f.district())
                    .contains("所属行业：" + ("C".equals(f.industry()) ? "制造业" : "信息传输、软件和信息技术服务业"))
                    .contains("企业规模：" + ("small".equals(f.scale()) ? "小型" : "微型"));
            f.tags().stream().filter(t -> t.equals("进出口企业") || t.equals("民营企业")).forEach(t -> assertThat(why).contains(t));
        }
    }

    @Test
    void aPolicyWithoutConditionsIsForEveryEnterprise() {
        api.post(Staff.OPERATOR, "/api/policies", """
                {"id": "all-1", "title": "营商环境服务包", "summary": "面向全部企业", "department": "市营商环境局"}""");
        Api.Answer all = api.get(Staff.OPERATOR, "/api/policies/all-1/matches?limit=5");
        assertThat(all.body().size()).isEqualTo(5);
        assertThat(all.raw().headers().firstValue("X-Total-Count")).hasValue("2000");
        assertThat(all.body().get(0).get("why").asString()).isEqualTo("本政策面向全部企业");
    }

    /** The hand-written check: validity today, then the conditions over the tags an enterprise carries. */
    static boolean meets(Firm f, Offer o) {
        boolean inForce = (o.validFrom() == null || !TODAY.isBefore(o.validFrom())) && (o.validTo() == null || !TODAY.isAfter(o.validTo()));
        return inForce && admits(f, o.rule());
    }

    static boolean admits(Firm f, Sample.Rule rule) {
        Set<String> tags = carried(f);
        return tags.containsAll(rule.allTags())
                && (rule.anyTags().isEmpty() || rule.anyTags().stream().anyMatch(tags::contains))
                && (rule.districts().isEmpty() || rule.districts().contains(f.district()))
                && (rule.industries().isEmpty() || rule.industries().contains(f.industry()))
                && (rule.scales().isEmpty() || rule.scales().contains(f.scale()));
    }

    /** Given tags plus what tag-rules.yml gives for the facts the sample policies name. */
    static Set<String> carried(Firm f) {
        Set<String> tags = new HashSet<>(f.tags());
        if (!"large".equals(f.scale())) {
            tags.add("中小微企业");
        }
        if ("small".equals(f.scale())) {
            tags.add("小型企业");
        }
        if ("C".equals(f.industry())) {
            tags.add("制造业企业");
        }
        int age = Period.between(f.founded(), TODAY).getYears();
        if (age < 3) {
            tags.add("初创期企业");
        }
        if (age >= 10) {
            tags.add("成熟期企业");
        }
        return tags;
    }
}
