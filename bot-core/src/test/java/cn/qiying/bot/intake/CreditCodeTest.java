package cn.qiying.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsPublishedCodesOfRealEnterprises() {
        assertThat(CreditCode.isValid("91330100716105852F")).isTrue();
        assertThat(CreditCode.isValid("9144030071526726XG")).isTrue();
        assertThat(CreditCode.isValid("914403001922038216")).isTrue();
        assertThat(CreditCode.isValid("91370100MA3C8R1K2G")).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterAWrongLengthAndLettersOutsideTheCharset() {
        assertThat(CreditCode.isValid("91370100MA3C8R1K2H")).isFalse();
        assertThat(CreditCode.isValid("91370100MA3C8R1K2")).isFalse();
        assertThat(CreditCode.isValid("91370100MA3C8R1I2G")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void phoneNumbersAreMobilesOrLandlines() {
        assertThat(PhoneNumber.parse("13800000000")).hasValue("13800000000");
        assertThat(PhoneNumber.parse("+86 13800000000")).hasValue("13800000000");
        assertThat(PhoneNumber.parse("0531-88889999")).hasValue("0531-88889999");
        assertThat(PhoneNumber.parse("053188889999")).isPresent();
        assertThat(PhoneNumber.parse("010-12345678")).isEmpty();
        assertThat(PhoneNumber.parse("1380000")).isEmpty();
        assertThat(PhoneNumber.parse("12800000000")).isEmpty();
    }
}
