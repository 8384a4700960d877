package cn.qiying.handoff.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qiying.handoff.ticket.TicketQuery;
import cn.qiying.handoff.ticket.TicketStatus;
import cn.qiying.handoff.ticket.Tickets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The desk as a monitoring system sees it: {@code qiying.tickets{status}}, and the open tickets near their deadline or
 * overdue ({@code qiying.tickets.open{flag=near|overdue}}). Counted by the ticket index (one count query each, no
 * documents read), at most once per {@link #FRESH} however often the metrics are scraped, and shared by all gauges.
 */
@Component
class TicketGauges implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(15);

    private record Counts(Instant at, Map<TicketStatus, Long> byStatus, long near, long overdue) {
    }

    private final Tickets tickets;
    private final Clock clock;
    private volatile Counts counts;

    TicketGauges(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TicketStatus status : TicketStatus.values()) {
            Gauge.builder("qiying.tickets", this, g -> g.counts().byStatus().get(status))
                    .tag("status", status.name().toLowerCase(Locale.ROOT)).description("tickets by status")
                    .register(registry);
        }
        Gauge.builder("qiying.tickets.open", this, g -> g.counts().near()).tag("flag", "near")
                .description("open tickets near their deadline").register(registry);
        Gauge.builder("qiying.tickets.open", this, g -> g.counts().overdue()).tag("flag", "overdue")
                .description("open tickets past their deadline").register(registry);
    }

    private Counts counts() {
        Counts known = counts;
        Instant now = clock.instant();
        if (known != null && known.at().plus(FRESH).isAfter(now)) {
            return known;
        }
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            byStatus.put(status, count(TicketQuery.all().withStatuses(List.of(status))));
        }
        Counts fresh = new Counts(now, byStatus, count(TicketQuery.all().withOpen(true, false).withFlag("near")),
                count(TicketQuery.all().withOpen(true, false).withFlag("overdue")));
        counts = fresh;
        return fresh;
    }

    private long count(TicketQuery query) {
        return tickets.search(query.page(0, 0)).total();
    }
}
