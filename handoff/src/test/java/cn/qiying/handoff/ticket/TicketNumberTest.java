package cn.qiying.handoff.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void theDaysTenThousandthTicketStillParses() {
        TicketNumber wide = TicketNumber.of(LocalDate.of(2026, 12, 4), 10_000);
        assertThat(wide.value()).isEqualTo("QY2026120410000");
        assertThat(TicketNumber.parse(" qy2026120410000 ")).contains(wide);
        assertThat(TicketNumber.find("查一下QY2026120410000的进度")).contains(wide);
        assertThat(TicketNumber.of(LocalDate.of(2026, 12, 4), 7).value()).isEqualTo("QY202612040007");
    }

    @Test
    void anythingElseIsNotANumber() {
        assertThat(TicketNumber.parse("QY20261204")).isEmpty();
        assertThat(TicketNumber.parse("QY2026120400001234567")).isEmpty();
        assertThat(TicketNumber.parse("QY" + "1".repeat(1_000_000))).isEmpty();
        assertThat(TicketNumber.parse(null)).isEmpty();
        assertThat(TicketNumber.find("ABQY202612040007")).isEmpty();
        assertThat(TicketNumber.find("QY2026120400071234567")).isEmpty();
    }
}
