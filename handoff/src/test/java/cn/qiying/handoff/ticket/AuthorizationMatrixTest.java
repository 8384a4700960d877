package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.StaffApi;
import cn.qiying.handoff.TestDesk;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/**
 * Every role × every endpoint × a ticket of the caller's own department or another's. A ticket in the right status
 * is prepared for each call, so the answer shows authorization alone: 2xx allowed, 403 refused, 404 not visible.
 */
@ExtendWith(RealRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixTest {

    @LocalServerPort int port;
    @Autowired TestDesk desk;
    @Autowired AppealDesk appeals;
    @Autowired TicketTransitions transitions;
    @Autowired MovableClock clock;

    static final List<String> USERS = List.of("admin1", "operator", "supervisor", "market", "labour");

    /** The ticket belongs to the market regulator (scjgj): "market" is its own department's handler, "labour" another's. */
    record Step(String action, String body, Function<String, String> prepare) {
    }

    Map<String, Step> actions() {
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("triage", new Step("triage", "{\"complexity\":\"simple\"}", no -> no));
        steps.put("reject", new Step("reject", "{\"reason\":\"无效\"}", no -> no));
        steps.put("merge", new Step("merge", null, no -> no));
        steps.put("assign", new Step("assign", "{\"department\":\"scjgj\"}", this::triaged));
        steps.put("accept", new Step("accept", "{}", this::assigned));
        steps.put("return", new Step("return", "{\"reason\":\"非本部门\"}", this::assigned));
        steps.put("contact", new Step("contact", "{\"note\":\"已联系\"}", this::accepted));
        steps.put("reply", new Step("reply", "{\"text\":\"阶段答复\"}", this::contacted));
        steps.put("resolve", new Step("resolve", "{\"result\":\"已解决\"}", this::contacted));
        steps.put("review", new Step("review", "{\"passed\":true}", this::resolved));
        steps.put("reopen", new Step("reopen", "{\"reason\":\"企业不满意\"}", this::reviewed));
        steps.put("close", new Step("close", "{}", this::reviewed));
        steps.put("supervise", new Step("supervise", "{\"reason\":\"领导批示\"}", this::assigned));
        return steps;
    }

    /** Expected status of each (user, action) on a ticket led by scjgj (or not yet assigned, for centre steps on new tickets). */
    static int expected(String user, String action) {
        boolean centre = List.of("triage", "reject", "merge", "assign", "review", "reopen", "close").contains(action);
        boolean unassigned = List.of("triage", "reject", "merge", "assign").contains(action);
        return switch (user) {
            case "admin1" -> 200;
            case "operator" -> centre ? 200 : 403;
            case "supervisor" -> action.equals("supervise") ? 200 : 403;
            case "market" -> unassigned ? 404 : centre || action.equals("supervise") ? 403 : 200;
            default -> 404; // another department's handler does not see the ticket at all
        };
    }

    String fresh() {
        return Fixtures.done(appeals.submit(Fixtures.appeal("authz", "营业执照变更登记咨询"))).no();
    }

    String triaged(String no) {
        transitions.perform(no, new Triage(Complexity.GENERAL, "市场准入"), TestDesk.OPERATOR);
        return no;
    }

    String assigned(String no) {
        triaged(no);
        transitions.perform(no, new Assign("scjgj", List.of()), TestDesk.OPERATOR);
        return no;
    }

    String accepted(String no) {
        assigned(no);
        transitions.perform(no, new Accept(), TestDesk.MARKET);
        return no;
    }

    String contacted(String no) {
        accepted(no);
        transitions.perform(no, new Contact("电话联系"), TestDesk.MARKET);
        return no;
    }

    String resolved(String no) {
        contacted(no);
        transitions.perform(no, new Resolve("已办结"), TestDesk.MARKET);
        return no;
    }

    String reviewed(String no) {
        resolved(no);
        transitions.perform(no, new Review(true, null), TestDesk.OPERATOR);
        return no;
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-10-12T02:00:00Z"));
        desk.staff();
    }

    @Test
    void everyRoleOnEveryActionGetsExactlyWhatItMay() {
        StaffApi api = new StaffApi(port);
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            for (Step step : actions().values()) {
                String no = step.prepare().apply(fresh());
                String body = step.action().equals("merge") ? "{\"into\":\"" + fresh() + "\"}" : step.body();
                int status = api.post(user, "/api/tickets/" + no + "/" + step.action(), body).status();
                if (status != expected(user, step.action())) {
                    wrong.add(user + " " + step.action() + ": " + status + " (expected " + expected(user, step.action()) + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void readingTicketsShowsHandlersOnlyTheirOwnDepartment() {
        StaffApi api = new StaffApi(port);
        String own = assigned(fresh());
        String other = fresh();
        transitions.perform(other, new Triage(Complexity.GENERAL, null), TestDesk.OPERATOR);
        transitions.perform(other, new Assign("rsj", List.of("swj")), TestDesk.OPERATOR);
        String unassigned = fresh();

        Map<String, List<Integer>> expected = Map.of(
                "admin1", List.of(200, 200, 200), "operator", List.of(200, 200, 200), "supervisor", List.of(200, 200, 200),
                "market", List.of(200, 404, 404), "labour", List.of(404, 200, 404));
        for (String user : USERS) {
            List<Integer> got = List.of(api.get(user, "/api/tickets/" + own).status(), api.get(user, "/api/tickets/" + other).status(),
                    api.get(user, "/api/tickets/" + unassigned).status());
            assertThat(got).as(user).isEqualTo(expected.get(user));
        }

        assertThat(api.get("market", "/api/tickets").body().get("tickets")).extracting(t -> t.get("no").asString()).containsExactly(own);
        assertThat(api.get("labour", "/api/tickets").body().get("tickets")).extracting(t -> t.get("no").asString()).containsExactly(other);
        assertThat(api.get("market", "/api/tickets?department=rsj").status()).isEqualTo(403);
        assertThat(api.get("market", "/api/tickets?department=scjgj").status()).isEqualTo(200);
        assertThat(api.get("market", "/api/tickets?openId=authz").body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("operator", "/api/tickets").body().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void centreEndpointsAreClosedToHandlers() {
        StaffApi api = new StaffApi(port);
        String order = TicketApiTest.ORDER;
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // import, stats, supervision board, departments
        expected.put("admin1", List.of(201, 200, 200, 200));
        expected.put("operator", List.of(200, 200, 200, 200));
        expected.put("supervisor", List.of(403, 200, 200, 200));
        expected.put("market", List.of(403, 403, 403, 200));
        expected.put("labour", List.of(403, 403, 403, 200));
        expected.forEach((user, codes) -> {
            List<Integer> got = List.of(api.post(user, "/api/tickets/import", order).status(),
                    api.get(user, "/api/stats?from=2026-09-01&to=2026-10-31").status(),
                    api.get(user, "/api/supervision").status(), api.get(user, "/api/departments").status());
            assertThat(got).as(user).isEqualTo(codes);
        });
        for (String path : List.of("/api/tickets", "/api/stats", "/api/supervision", "/api/departments")) {
            assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
        }
        assertThat(api.post(null, "/api/tickets/import", order).status()).isEqualTo(401);
    }
}
