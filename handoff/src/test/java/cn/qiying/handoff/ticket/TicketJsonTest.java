package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.qiying.handoff.Fixtures;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.sla.Milestones;

/** The stored form of a ticket: smaller than its JSON, and read back to the same ticket, as are documents stored before it. */
class TicketJsonTest {

    static final Instant RECEIVED = Instant.parse("2026-11-20T02:15:30.123Z");

    static Ticket full() {
        Ticket t = Ticket.received("QY202611200007", new Source("mp", "wx0123456789abcdef", "o-user-7", "JN0001", null),
                new Enterprise("济南某某科技有限公司", Fixtures.USCC, "张三", "13800000000"), "历下区", Kind.COMPLAINT, "用电",
                Complexity.COMPLEX, "厂区周边道路施工导致停电，影响生产；希望尽快协调。", List.of("mp:media-1"), RECEIVED);
        t.setVersion(7);
        t.setStatus(TicketStatus.RATED);
        t.setDepartment("gdgs");
        t.setCoDepartments(List.of("zjj"));
        t.setSuggestion("gdgs", 0.0);
        t.setDeadlines(new Milestones(RECEIVED.plusSeconds(86_400), null, RECEIVED.plusSeconds(20 * 86_400)));
        t.setFlags(Flags.NONE.withOverdue().withSupervised());
        t.setCounters(Counters.ZERO.returned().replied());
        t.setRating(new RatingRecord(Rating.UNSATISFIED, "", RECEIVED.plusSeconds(999)));
        t.setResolvedAt(RECEIVED.plusSeconds(5000));
        t.setResult("已协调恢复供电");
        t.setCallbackVisit(new CallbackVisit(RECEIVED.plusSeconds(1000), "企业不满意", false));
        t.append(new HistoryEntry(RECEIVED, "enterprise", "receive", null, TicketStatus.RECEIVED, null));
        t.append(new HistoryEntry(RECEIVED.plusSeconds(60), "operator", "assign", TicketStatus.TRIAGED, TicketStatus.ASSIGNED, "牵头 供电公司"));
        t.fired("QY202611200007|contact|near");
        return t;
    }

    @Test
    void theStoredFormReadsBackToTheSameTicket() {
        Ticket ticket = full();
        Map<String, String> hash = TicketStore.indexed(ticket);
        Ticket back = TicketJson.readStored(hash.get("doc"), hash);
        assertThat(TicketJson.write(back)).isEqualTo(TicketJson.write(ticket));
        assertThat(back.getSuggestionConfidence()).isEqualTo(0.0);
        assertThat(back.getFlags()).isEqualTo(new Flags(false, true, true, false));
        assertThat(back.getReceivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void aFreshTicketLeavesItsDefaultsAndIndexedFieldsOut() {
        Ticket fresh = Ticket.received("QY202611200008", null, new Enterprise(null, null, "李四", "13900000000"), null, Kind.HELP,
                null, null, "咨询营业执照变更。", List.of(), RECEIVED);
        fresh.setVersion(1);
        fresh.append(new HistoryEntry(RECEIVED, "enterprise", "receive", null, TicketStatus.RECEIVED, null));
        Map<String, String> hash = TicketStore.indexed(fresh);
        String stored = hash.get("doc");
        assertThat(stored).doesNotContain("flags", "counters", "attachments", "status", "version", "咨询营业执照变更", "2026-");
        assertThat(stored.length()).isLessThan(TicketJson.write(fresh).length() / 2);
        assertThat(TicketJson.write(TicketJson.readStored(stored, hash))).isEqualTo(TicketJson.write(fresh));
    }

    @Test
    void documentsStoredBeforeStillRead() {
        Ticket ticket = full();
        String old = TicketJson.write(ticket); // every field, ISO instants: what version 1 stored
        Ticket back = TicketJson.readStored(old, Map.of("version", "7", "status", "RATED", "text", "ignored: the document has its own"));
        assertThat(TicketJson.write(back)).isEqualTo(old);
    }
}
