package cn.qiying.policy.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.qiying.policy.PolicyTestApplication;
import cn.qiying.policy.RecordingTextMessages;
import cn.qiying.policy.Sample;
import cn.qiying.policy.binding.CodeBinding.Outcome;
import cn.qiying.policy.enterprise.Contact;
import cn.qiying.policy.enterprise.EnterpriseDraft;
import cn.qiying.policy.enterprise.EnterpriseProfiles;
import cn.qiying.testing.MovableClock;
import cn.qiying.testing.RealRedis;

/** A WeChat user binds their enterprise with the code sent to the mobile on file; wrong codes are throttled. */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = PolicyTestApplication.class)
class CodeBindingTest {

    static final String USCC = Sample.uscc(7001);
    static final String MOBILE = "13912345678";
    static int users;

    @Autowired CodeBinding codes;
    @Autowired EnterpriseBindings bindings;
    @Autowired EnterpriseProfiles profiles;
    @Autowired RecordingTextMessages sms;
    @Autowired MovableClock clock;
    String user;

    @BeforeEach
    void enterpriseWithAMobileOnFile() {
        clock.set(PolicyTestApplication.START);
        sms.reset();
        user = "mp:wxpolicy0001:o-binding-" + (++users);
        profiles.upsert(List.of(new EnterpriseDraft(USCC, "南湖精工有限公司", "南湖区", "C", "small", List.of(),
                List.of(new Contact("刘经理", "0531-88886666"), new Contact("王会计", MOBILE)), null)));
    }

    @Test
    void theCodeSentToTheMobileOnFileBindsTheUser() {
        CodeBinding.Sent sent = codes.requestCode(user, USCC.toLowerCase());
        assertThat(sent.outcome()).isEqualTo(Outcome.SENT);
        assertThat(sent.phone()).as("masked").isEqualTo("139****5678");
        assertThat(sms.sent()).singleElement().satisfies(m -> assertThat(m.phone()).as("the mobile, not the landline").isEqualTo(MOBILE));

        assertThat(bindings.bindingOf(user)).isEmpty();
        assertThat(codes.confirm(user, USCC, sms.lastCode(MOBILE)).outcome()).isEqualTo(Outcome.BOUND);
        var bound = bindings.bindingOf(user).orElseThrow();
        assertThat(bound.enterprise().name()).isEqualTo("南湖精工有限公司");
        assertThat(bound.enterprise().uscc()).isEqualTo(USCC);
        assertThat(bound.via()).isEqualTo(Binding.BY_CODE);
        assertThat(codes.confirm(user, USCC, sms.lastCode(MOBILE)).outcome()).as("a code works once").isEqualTo(Outcome.NO_CODE);
    }

    @Test
    void wrongCodesAreThrottledWithAGrowingWait() {
        codes.requestCode(user, USCC);
        String right = sms.lastCode(MOBILE);
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertThat(codes.confirm(user, USCC, wrong)).isEqualTo(new CodeBinding.Checked(Outcome.WRONG_CODE, 4, null));
        assertThat(codes.confirm(user, USCC, "12ab56").outcome()).isEqualTo(Outcome.WRONG_CODE);
        assertThat(codes.confirm(user, USCC, wrong).outcome()).isEqualTo(Outcome.WRONG_CODE);
        // past the three free failures every wrong code locks the user out, each time twice as long
        CodeBinding.Checked locked = codes.confirm(user, USCC, wrong);
        assertThat(locked.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(codes.confirm(user, USCC, right).outcome()).as("not even the right code while locked").isEqualTo(Outcome.LOCKED);
        assertThat(codes.requestCode(user, USCC).outcome()).as("nor a new code").isEqualTo(Outcome.LOCKED);

        clock.advance(Duration.ofSeconds(61));
        assertThat(codes.confirm(user, USCC, wrong).retryAfter()).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        // the code allowed five tries and is void now
        assertThat(codes.confirm(user, USCC, right).outcome()).isIn(Outcome.NO_CODE, Outcome.LOCKED);
        assertThat(bindings.bindingOf(user)).isEmpty();
    }

    @Test
    void aCodeExpiresAndCodesAreNotSentTooOftenOrTooManyADay() {
        assertThat(codes.requestCode(user, USCC).outcome()).isEqualTo(Outcome.SENT);
        String first = sms.lastCode(MOBILE);
        CodeBinding.Sent again = codes.requestCode(user, USCC);
        assertThat(again.outcome()).isEqualTo(Outcome.TOO_SOON);
        assertThat(again.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(sms.sent()).hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        assertThat(codes.confirm(user, USCC, first).outcome()).as("expired after ten minutes").isEqualTo(Outcome.NO_CODE);
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(codes.requestCode(user, USCC).outcome()).isEqualTo(Outcome.SENT);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(codes.requestCode(user, USCC).outcome()).isEqualTo(Outcome.TOO_MANY_TODAY);
        assertThat(sms.sent()).hasSize(5);
    }

    @Test
    void refusalsSayWhatIsMissing() {
        assertThat(codes.requestCode(user, "91370100MA3C8R1K2X").outcome()).isEqualTo(Outcome.INVALID_USCC);
        assertThat(codes.requestCode(user, Sample.uscc(7002)).outcome()).isEqualTo(Outcome.NO_PROFILE);
        String landlineOnly = Sample.uscc(7003);
        profiles.upsert(List.of(new EnterpriseDraft(landlineOnly, "北山物流有限公司", "北山区", "G", "micro", List.of(),
                List.of(new Contact("赵经理", "053188887777")), null)));
        assertThat(codes.requestCode(user, landlineOnly).outcome()).isEqualTo(Outcome.NO_MOBILE);
        sms.failing(true);
        assertThat(codes.requestCode(user, USCC).outcome()).isEqualTo(Outcome.SMS_FAILED);
        sms.failing(false);
        assertThat(codes.requestCode(user, USCC).outcome()).as("a failed send does not count as sent").isEqualTo(Outcome.SENT);
        assertThat(sms.sent()).isNotEmpty();
    }
}
