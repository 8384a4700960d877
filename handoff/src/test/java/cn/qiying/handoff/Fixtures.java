package cn.qiying.handoff;

import java.util.List;

import cn.qiying.handoff.appeal.CreditCode;
import cn.qiying.handoff.appeal.NewAppeal;
import cn.qiying.platform.refusal.Outcome;

/** Test data that reads like a real appeal. */
public final class Fixtures {

    public static final String USCC = "91370100MA3C8R1K2" + CreditCode.checkCharacter("91370100MA3C8R1K2");
    public static final String OTHER_USCC = "91370102MA3D2Q7X1" + CreditCode.checkCharacter("91370102MA3D2Q7X1");

    private Fixtures() {
    }

    /** The value of an outcome the test expects to succeed; a refusal fails the test with its message key. */
    public static <T> T done(Outcome<T> outcome) {
        return outcome.orElseThrow(r -> new AssertionError("refused: " + r.messageKey() + " " + r.arguments()));
    }

    public static NewAppeal appeal(String openId, String description) {
        return new NewAppeal("mp", "wx-app", openId, "help", "济南明泉精密机械有限公司", USCC, "张三", "13800000000",
                "历下区", "融资", description, List.of(), null, null);
    }
}
