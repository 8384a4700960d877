package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time to produce a reply (Dialog.handle, end to end: Redis state, knowledge retrieval with embeddings, ticket desk,
 * transcript), over a scripted mix of enquiries, suggestions picked by number, full appeals and status queries.
 * Writes {@code bot-core/target/reports/bench-dialog.md}; run by {@code make bench}.
 */
@Tag("bench")
class ReplyLatencyBench extends ConversationTest {

    private static final int WARM_UP = 5;
    private static final int ROUNDS = 40;

    @Test
    void replyTimes() throws IOException {
        List<Long> all = new ArrayList<>();
        List<Long> enquiries = new ArrayList<>();
        List<Long> intake = new ArrayList<>();
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            boolean measured = round >= WARM_UP;
            Chat c = chat();
            for (String q : List.of("营业执照怎么办理", "增值税", "2", "今天晚上吃什么好呢", "新员工社保怎么交")) {
                time(c, q, measured, all, enquiries);
            }
            for (String s : List.of("我要求助：企业用电增容审批太慢，影响新生产线投产",
                    "我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000", USCC, "跳过", "电话写错了，是13900000000",
                    "确认", "我的诉求进度")) {
                time(c, s, measured, all, intake);
            }
        }
        String report = "# Dialog reply time\n\n" + ROUNDS + " rounds after " + WARM_UP + " warm-up rounds; one round = "
                + "5 enquiry messages + 7 appeal/status messages, each a fresh user.\n\n"
                + "| messages | count | median ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n"
                + row("all", all) + row("enquiries (knowledge)", enquiries) + row("appeal intake, submit, status", intake);
        Path out = Path.of("target/reports/bench-dialog.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(all).hasSize(ROUNDS * 12);
    }

    private void time(Chat c, String text, boolean measured, List<Long> all, List<Long> group) {
        long start = System.nanoTime();
        String reply = c.say(text);
        long took = System.nanoTime() - start;
        assertThat(reply).isNotEmpty();
        if (measured) {
            all.add(took);
            group.add(took);
        }
    }

    private static String row(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.size(),
                ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(sorted.get(sorted.size() - 1)));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
