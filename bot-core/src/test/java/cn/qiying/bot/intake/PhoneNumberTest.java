package cn.qiying.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void mobilesAndLandlinesAreTakenInACanonicalForm() {
        assertThat(PhoneNumber.parse("13800000000")).hasValue("13800000000");
        assertThat(PhoneNumber.parse("+86 13800000000")).hasValue("13800000000");
        assertThat(PhoneNumber.parse("0531-88889999")).hasValue("0531-88889999");
        assertThat(PhoneNumber.parse("0531-88889999转123")).hasValue("0531-88889999-123");
        assertThat(PhoneNumber.parse("053188889999")).isPresent();
    }

    @Test
    void otherDigitsAreNotPhones() {
        assertThat(PhoneNumber.parse("010-12345678")).isEmpty();
        assertThat(PhoneNumber.parse("1380000")).isEmpty();
        assertThat(PhoneNumber.parse("12800000000")).isEmpty();
    }
}
