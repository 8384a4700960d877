package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.StaffApi;
import cn.qiying.handoff.TestDesk;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketApiTest {

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired MovableClock clock;
    @Autowired StatusLabels labels;
    StaffApi api;

    static final String ORDER = """
            {"externalId": "12345-20260930-0001", "receivedAt": "2026-09-30T15:00:00+08:00",
             "kind": "help", "complexity": "general", "district": "历下区", "category": "融资",
             "enterprise": {"name": "济南泉城精工有限公司", "uscc": "%s", "contact": "张三", "phone": "13800000000"},
             "description": "企业流动资金紧张，申请应急转贷资金"}
            """.formatted(Fixtures.USCC);

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-10-09T02:00:00Z"));
        desk.staff();
        api = new StaffApi(port);
    }

    @Test
    void importedWorkOrderCarriesItsDeadlinesAndIsImportedOnce() {
        var first = api.post("operator", "/api/tickets/import", ORDER);
        var again = api.post("operator", "/api/tickets/import", ORDER);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("no").asString()).startsWith("QY20260930");
        assertThat(first.body().get("deadlines").get("contactBy").asString()).isEqualTo("2026-10-08T23:59:59+08:00");
        assertThat(first.body().get("deadlines").get("replyBy").asString()).isEqualTo("2026-10-10T23:59:59+08:00"); // the make-up Saturday counts
        assertThat(first.body().get("complexity").asString()).isEqualTo("general");
        assertThat(first.body().get("source").get("externalId").asString()).isEqualTo("12345-20260930-0001");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("no").asString()).isEqualTo(first.body().get("no").asString());
        var found = api.get("operator", "/api/tickets?q=转贷");
        assertThat(found.body().get("total").asLong()).isPositive();
        assertThat(found.body().get("tickets")).allSatisfy(t -> assertThat(t.get("description").asString()).contains("转贷"));
        assertThat(api.get("operator", "/api/tickets?q=专利").body().get("total").asLong()).isZero();
    }

    @Test
    void badWorkOrdersAreProblemDetails() {
        var bad = api.post("operator", "/api/tickets/import", ORDER.replace("0001", "0099").replace(Fixtures.USCC, "123").replace("\"help\"", "\"gossip\""));
        assertThat(bad.status()).as(String.valueOf(bad.body())).isEqualTo(400);
        assertThat(bad.body().get("detail").asString()).contains(labels.text("appeal.refusal.kind"))
                .contains(labels.text("appeal.refusal.uscc-invalid", "123"));
        var broken = api.post("operator", "/api/tickets/import", "{not json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().has("trace")).isFalse();
    }

    @Test
    void staffWalkATicketThroughTheApiAndAnIllegalStepIsAConflictNamingTheStatus() {
        String no = api.post("operator", "/api/tickets/import", ORDER.replace("0001", "0002")).body().get("no").asString();

        assertThat(api.post("operator", "/api/tickets/" + no + "/triage", "{\"complexity\":\"complex\",\"category\":\"融资\"}").status()).isEqualTo(200);
        assertThat(api.post("operator", "/api/tickets/" + no + "/assign", "{\"department\":\"scjgj\",\"coDepartments\":[\"swj\"]}").status()).isEqualTo(200);
        var accepted = api.post("market", "/api/tickets/" + no + "/accept", null);
        assertThat(accepted.body().get("status").asString()).isEqualTo("accepted");
        assertThat(accepted.body().get("deadlines").get("resolveBy").asString()).startsWith("2026-11-17"); // 30 working days: complex, two departments

        var illegal = api.post("market", "/api/tickets/" + no + "/accept", null);
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.body().get("detail").asString()).contains(labels.label(TicketStatus.ACCEPTED));
        assertThat(illegal.body().get("status").asInt()).as("RFC 9457: status is the HTTP code").isEqualTo(409);
        assertThat(illegal.body().get("ticketStatus").asString()).isEqualTo("accepted");

        var one = api.get("market", "/api/tickets/" + no);
        assertThat(one.body().get("history")).hasSize(4);
        assertThat(one.body().get("flags").get("supervised").asBoolean()).isFalse();

        var mine = api.get("market", "/api/tickets?open=true&byDeadline=true");
        assertThat(mine.body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("labour", "/api/tickets").body().get("total").asLong()).isZero();
        assertThat(api.post("market", "/api/tickets/" + no + "/dance", null).status()).isEqualTo(404);
        assertThat(api.post("market", "/api/tickets/" + no + "/contact", "{}").status()).isEqualTo(400);
    }

    @Test
    void departmentsAreListed() {
        var all = api.get("labour", "/api/departments");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).hasSize(4);
        assertThat(all.body().get(0).has("districts")).isTrue();
    }

    @Test
    void withoutCredentialsTheApiAnswers401() {
        assertThat(api.get(null, "/api/tickets").status()).isEqualTo(401);
        assertThat(api.get("nobody", "/api/tickets").status()).isEqualTo(401);
    }
}
