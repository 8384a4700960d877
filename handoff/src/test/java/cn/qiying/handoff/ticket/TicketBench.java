package cn.qiying.handoff.ticket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.sla.Milestones;
import cn.qiying.testing.RealRedis;

/**
 * make bench: loads {@code bench.tickets} tickets (default 1,000,000) in the stored shape, then times a department's
 * open tickets by deadline and a filtered Chinese text search through {@link TicketStore#search}; writes
 * handoff/target/reports/bench-handoff.md.
 */
@Tag("bench")
@ExtendWith(RealRedis.class)
@SpringBootTest
class TicketBench {

    static final String[] DEPTS = {"scjgj", "swj", "rsj", "zjj", "sthjj", "swuj", "fgw", "gxj", "zrzyj", "jrj", "gdgs", "swjt", "rqgs"};
    static final String[] DISTRICTS = {"历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区", "章丘区", "济阳区", "莱芜区", "钢城区"};
    static final String[] CATEGORIES = {"市场准入", "税费", "用工", "工程建设", "环保", "商贸", "项目", "产业政策", "土地", "融资", "用电", "用水", "用气"};
    static final String[] PHRASES = {"企业流动资金紧张，希望申请贷款贴息", "厂区周边道路施工导致停电，影响生产", "营业执照经营范围变更登记咨询",
            "新招员工社保参保登记遇到问题", "出口退税办理进度缓慢", "项目立项备案材料反复退回", "园区供水水压不足", "天然气价格上涨成本增加",
            "环评审批时间较长希望加快", "申报专精特新企业需要哪些条件", "不动产登记证书办理", "施工许可审批需要协调"};
    static final TicketStatus[] STATUSES = {TicketStatus.RECEIVED, TicketStatus.ASSIGNED, TicketStatus.ACCEPTED, TicketStatus.CONTACTED,
            TicketStatus.REPLIED, TicketStatus.CLOSED, TicketStatus.CLOSED, TicketStatus.RATED};

    @Autowired UnifiedJedis redis;
    @Autowired TicketStore store;

    @Test
    void departmentQueueAndTextSearchAtScale() throws IOException {
        int n = Integer.getInteger("bench.tickets", 1_000_000);
        long before = usedMemory();
        Random random = new Random(42);
        Instant base = Instant.parse("2026-01-05T01:00:00Z");
        long loadStart = System.nanoTime();
        int batch = 2000;
        for (int i = 0; i < n; i += batch) {
            try (AbstractPipeline pipe = redis.pipelined()) {
                for (int j = i; j < Math.min(n, i + batch); j++) {
                    Ticket t = ticket(j, random, base);
                    Map<String, String> fields = TicketStore.indexed(t);
                    pipe.hset(TicketKeys.ticket(t.getNo()), fields);
                    if ("1".equals(fields.get("open"))) { // what the store's write script does for an open ticket
                        for (String dept : fields.get("depts").split(",")) {
                            if (!dept.isBlank()) {
                                pipe.zadd(TicketKeys.queue(dept), Double.parseDouble(fields.get("dueAt")), t.getNo());
                            }
                        }
                    }
                }
                pipe.sync();
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        waitForIndexing();
        waitForAofRewrite();
        long after = usedMemory();
        double bytesPerTicket = (after - before) / (double) n;

        TicketQuery queue = TicketQuery.all().withDepartment("jrj").withOpen(true, true).page(0, 20);
        TicketQuery text = TicketQuery.all().withText("贷款").withDepartment("jrj").withStatuses(List.of(TicketStatus.ACCEPTED, TicketStatus.REPLIED)).page(0, 20);
        long[] queueTimes = time(queue, 500);
        long[] textTimes = time(text, 500);
        long queueTotal = store.search(queue).total();
        long textTotal = store.search(text).total();

        String report = """
                # handoff benchmark

                Tickets loaded: %,d (stored shape: hash with the JSON document and indexed fields; descriptions of 60-150
                Chinese characters, a topic and its circumstances; a history of 1-10 steps as the status implies), in %.0f s.
                Redis used_memory growth: %.0f bytes per ticket (hash, JSON copy, search index with Chinese text).

                | query | matches | p50 (ms) | p99 (ms) |
                |---|---|---|---|
                | department's open tickets by deadline (the department's queue, a sorted set, + 20 documents) | %,d | %.2f | %.2f |
                | text "贷款" in the department's accepted/replied tickets (20, newest first) | %,d | %.2f | %.2f |

                Each figure is 500 calls of TicketStore.search from one thread (parse of the 20 documents included),
                on this machine (2 cores), Redis Stack 7.4 with appendfsync always and hash-max-listpack-value %s.
                Command: `mvn -B -o -q -pl handoff test -Pbench -Dtest=TicketBench [-Dbench.tickets=N]`
                """.formatted(n, loadSeconds, bytesPerTicket, queueTotal, ms(queueTimes, 50), ms(queueTimes, 99),
                textTotal, ms(textTimes, 50), ms(textTimes, 99), listpackValue());
        Path out = Path.of("target/reports/bench-handoff.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    Ticket ticket(int i, Random random, Instant base) {
        Instant received = base.plusSeconds(i * 23L);
        String no = String.format("QY2026BENCH%07d", i);
        Ticket t = Ticket.received(no, new Source("mp", "wx-bench", "o" + (i % 50_000), null, null),
                new Enterprise("济南某某科技有限公司" + (i % 10_000), Fixtures.USCC, "张三", "13800000000"),
                DISTRICTS[random.nextInt(DISTRICTS.length)], Kind.HELP, CATEGORIES[random.nextInt(CATEGORIES.length)],
                Complexity.GENERAL, description(i, random), List.of(), received);
        t.setStatus(STATUSES[random.nextInt(STATUSES.length)]);
        if (t.getStatus() != TicketStatus.RECEIVED) {
            t.setDepartment(DEPTS[random.nextInt(DEPTS.length)]);
        }
        t.setDeadlines(new Milestones(received.plus(Duration.ofDays(1)), received.plus(Duration.ofDays(3)), received.plus(Duration.ofDays(21))));
        t.append(new HistoryEntry(received, "enterprise", "receive", null, TicketStatus.RECEIVED, null));
        if (t.getDepartment() != null) {
            t.append(new HistoryEntry(received.plusSeconds(3600), "centre", "triage", TicketStatus.RECEIVED, TicketStatus.TRIAGED, null));
            t.append(new HistoryEntry(received.plusSeconds(3600), "centre", "assign", TicketStatus.TRIAGED, TicketStatus.ASSIGNED, "牵头 " + t.getDepartment()));
        }
        // the steps a ticket in this status has been through, each as the handler writes it
        String[][] steps = {{"accept", null}, {"contact", "已电话联系企业负责人，了解具体情况"}, {"reply", "已协调相关科室办理，预计本周内答复"},
                {"resolve", "已按政策办理完毕并告知企业"}, {"review", "办理规范"}, {"rate", "满意"}, {"close", null}};
        int done = switch (t.getStatus()) {
            case ACCEPTED -> 1;
            case CONTACTED -> 2;
            case REPLIED -> 3;
            case RATED -> 6;
            case CLOSED -> 7;
            default -> 0;
        };
        for (int s = 0; s < done; s++) {
            t.append(new HistoryEntry(received.plusSeconds(7200L * (s + 1)), t.getDepartment(), steps[s][0], null, null, steps[s][1]));
        }
        t.setVersion(3 + done);
        return t;
    }

    /**
     * 60-150 characters, as enterprises write them: what the appeal is about (one of the topics) and the circumstances
     * around it (how long, what was tried, what it costs), and a number that makes each unique.
     */
    static String description(int i, Random random) {
        StringBuilder text = new StringBuilder(PHRASES[random.nextInt(PHRASES.length)]);
        int sentences = 3 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            text.append('；').append(CIRCUMSTANCES[random.nextInt(CIRCUMSTANCES.length)]);
        }
        return text.append("。编号").append(i).toString();
    }

    static final String[] CIRCUMSTANCES = {"已经多次电话咨询但一直没有明确答复", "材料按要求提交了两次仍被退回", "问题持续了一个多月",
            "已严重影响企业正常生产经营", "希望有关部门尽快协调解决", "企业现有员工八十余人", "前期已向街道反映过", "线上系统显示仍在审核中",
            "窗口工作人员让我们再等等", "涉及金额较大企业压力很大", "同园区其他企业也有类似情况", "希望能给一个明确的办理时限",
            "联系人白天都在厂里可随时电话沟通", "去年也遇到过同样的问题", "担心影响下个季度的订单交付"};

    long[] time(TicketQuery query, int times) {
        for (int i = 0; i < 50; i++) {
            store.search(query);
        }
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            store.search(query);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)] / 1e6;
    }

    String listpackValue() {
        Object reply = redis.sendCommand(Protocol.Command.CONFIG, "GET", "hash-max-listpack-value");
        List<?> pair = (List<?>) reply;
        return pair.size() < 2 ? "?" : new String((byte[]) pair.get(1), StandardCharsets.UTF_8);
    }

    long usedMemory() {
        for (String line : redis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }

    /** A background AOF rewrite (a fork writing gigabytes after a big load) would be timed along with the queries. */
    void waitForAofRewrite() {
        for (int i = 0; i < 1200; i++) {
            String persistence = redis.info("persistence");
            if (persistence.contains("aof_rewrite_in_progress:0") && persistence.contains("aof_rewrite_scheduled:0")) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void waitForIndexing() {
        for (int i = 0; i < 600; i++) {
            Object indexing = redis.ftInfo(TicketKeys.INDEX).get("indexing");
            if (indexing == null || "0".equals(String.valueOf(indexing))) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
