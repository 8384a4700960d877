package cn.qiying.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import redis.clients.jedis.UnifiedJedis;

import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
@SpringBootTest
class ResponsibilityListTest {

    @Autowired ResponsibilityList responsibilities;
    @Autowired Departments departments;
    @Autowired UnifiedJedis redis;

    @BeforeEach
    void cityWithTwoDistricts() {
        redis.del(Departments.KEY, ResponsibilityList.KEY);
        departments.save(new Department("power", "供电公司", List.of("东区", "西区")));
        departments.save(new Department("east", "东区政府", List.of("东区")));
        departments.save(new Department("west", "西区政府", List.of("西区")));
        departments.save(new Department("tax", "税务局", List.of()));
        responsibilities.replace(List.of(
                new ResponsibilityRule("tax", "税费", List.of("发票", "退税"), List.of()),
                new ResponsibilityRule("power", "用电", List.of("停电", "增容"), List.of("东区", "西区"))));
    }

    @Test
    void categoryAndKeywordsPointAtTheResponsibleDepartment() {
        RoutingSuggestion s = responsibilities.suggest("税费", "退税一直没到账", "东区");
        assertThat(s.department()).isEqualTo("tax");
        assertThat(s.confidence()).isGreaterThan(0.5);
    }

    @Test
    void keywordsAloneStillSuggestButWithLessConfidence() {
        RoutingSuggestion s = responsibilities.suggest(null, "厂区又停电了", "西区");
        assertThat(s.department()).isEqualTo("power");
        assertThat(s.confidence()).isLessThan(0.5).isGreaterThan(ResponsibilityList.TERRITORIAL_CONFIDENCE);
    }

    @Test
    void anAppealNoRuleCoversFallsToItsDistrictsOwnGovernment() {
        RoutingSuggestion s = responsibilities.suggest(null, "园区门口的道路坑洼不平", "东区");
        assertThat(s.department()).isEqualTo("east");
        assertThat(s.confidence()).isEqualTo(ResponsibilityList.TERRITORIAL_CONFIDENCE);
        assertThat(s.reason()).contains("属地「东区」");
    }

    @Test
    void withoutADistrictOrASingleNarrowestTerritoryNothingIsSuggested() {
        assertThat(responsibilities.suggest(null, "园区门口的道路坑洼不平", null)).isEqualTo(RoutingSuggestion.NONE);
        assertThat(responsibilities.suggest(null, "园区门口的道路坑洼不平", "北区")).isEqualTo(RoutingSuggestion.NONE);
        departments.save(new Department("east-dev", "东区开发区管委会", List.of("东区")));
        assertThat(responsibilities.suggest(null, "园区门口的道路坑洼不平", "东区")).isEqualTo(RoutingSuggestion.NONE);
    }
}
