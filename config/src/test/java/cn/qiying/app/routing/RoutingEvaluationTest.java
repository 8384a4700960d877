package cn.qiying.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.core.io.ClassPathResource;

import cn.qiying.handoff.routing.ResponsibilityList;
import cn.qiying.handoff.routing.RoutingSuggestion;
import cn.qiying.testing.RealRedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * How often the responsibility list's suggestion names the department a centre operator would choose, for the demo
 * city's list (demo/departments.yml) and 67 labelled appeals (routing/appeals.jsonl): once with the category the
 * appeal came with (a 12345 work order or a staff entry has one; most conversations do not), once from the description
 * and district alone. Writes target/reports/eval-routing.md ({@code make eval}).
 */
@Tag("eval")
@ExtendWith(RealRedis.class)
// its background workers (event consumers, sweeper) must not outlive the class and take the next class\'s events
@DirtiesContext
@SpringBootTest(properties = "qiying.demo.enabled=true")
class RoutingEvaluationTest {

    /** Below this the suggestion would send more appeals astray than it saves the operator: a regression. */
    private static final double FLOOR = 0.70;

    record LabelledAppeal(String description, String district, String category, String expect) {
    }

    record Outcome(LabelledAppeal appeal, RoutingSuggestion suggestion) {
        boolean right() {
            return appeal.expect().equals(suggestion.department());
        }
    }

    @Autowired
    ResponsibilityList responsibilities;

    @Test
    void suggestionNamesTheDepartmentAnOperatorWouldChoose() throws IOException {
        List<LabelledAppeal> appeals = labelled();
        List<Outcome> asFiled = new ArrayList<>();
        List<Outcome> descriptionOnly = new ArrayList<>();
        for (LabelledAppeal a : appeals) {
            asFiled.add(new Outcome(a, responsibilities.suggest(a.category(), a.description(), a.district())));
            descriptionOnly.add(new Outcome(a, responsibilities.suggest(null, a.description(), a.district())));
        }

        StringBuilder report = new StringBuilder("# Routing suggestion evaluation\n\n")
                .append(appeals.size()).append(" labelled appeals (config/src/test/resources/routing/appeals.jsonl), ")
                .append(appeals.stream().filter(a -> a.category() != null).count())
                .append(" of them filed with a category, against the demo city's responsibility list ")
                .append("(config/src/main/resources/demo/departments.yml, ").append(responsibilities.rules().size())
                .append(" rules).\n\n")
                .append("| appeals | suggestion right | no suggestion | right when confidence ≥ 0.5 (share of appeals with it) |\n")
                .append("|---|---|---|---|\n");
        row(report, "as filed (category when there is one)", asFiled);
        row(report, "as filed, only those with a category", asFiled.stream().filter(o -> o.appeal().category() != null).toList());
        row(report, "description and district only", descriptionOnly);
        report.append("\n## Misses (description and district only)\n\n| appeal | expected | suggested (confidence) |\n|---|---|---|\n");
        descriptionOnly.stream().filter(o -> !o.right()).forEach(o -> report.append("| ").append(o.appeal().description())
                .append(" (").append(o.appeal().district()).append(") | ").append(o.appeal().expect()).append(" | ")
                .append(o.suggestion().department() == null ? "—" : o.suggestion().department() + " (" + o.suggestion().confidence() + ")")
                .append(" |\n"));
        report.append("\nCommand: `mvn -B -o -q -pl config -am test -Peval -Dtest=RoutingEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false` (or `make eval`).\n");
        Path out = Path.of("target", "reports", "eval-routing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertThat(share(asFiled, Outcome::right)).as(report.toString()).isGreaterThanOrEqualTo(FLOOR);
    }

    private static void row(StringBuilder report, String label, List<Outcome> outcomes) {
        List<Outcome> confident = outcomes.stream().filter(o -> o.suggestion().confidence() >= 0.5).toList();
        report.append("| ").append(label).append(" (").append(outcomes.size()).append(") | ")
                .append(percent(share(outcomes, Outcome::right))).append(" | ")
                .append(percent(share(outcomes, o -> o.suggestion().department() == null))).append(" | ")
                .append(percent(share(confident, Outcome::right))).append(" (")
                .append(percent((double) confident.size() / outcomes.size())).append(") |\n");
    }

    private static double share(List<Outcome> outcomes, Predicate<Outcome> which) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(which).count() / outcomes.size();
    }

    private static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }

    private static List<LabelledAppeal> labelled() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        String text = new ClassPathResource("routing/appeals.jsonl").getContentAsString(StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).map(l -> json.readValue(l, LabelledAppeal.class)).toList();
    }
}
