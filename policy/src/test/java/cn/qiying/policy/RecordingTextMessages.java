package cn.qiying.policy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qiying.policy.binding.TextMessages;

/** The SMS port for tests: keeps every message; fails on demand. */
public class RecordingTextMessages implements TextMessages {

    public record Message(String phone, String text) {
    }

    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public Sent send(String phone, String text) {
        if (failing) {
            return Sent.failed("provider down");
        }
        sent.add(new Message(phone, text));
        return Sent.ok();
    }

    public List<Message> sent() {
        return List.copyOf(sent);
    }

    /** The six-digit code of the last message to this phone. */
    public String lastCode(String phone) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).phone().equals(phone)) {
                Matcher m = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])").matcher(sent.get(i).text());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no code was sent to " + phone);
    }

    public void failing(boolean on) {
        failing = on;
    }

    public void reset() {
        sent.clear();
        failing = false;
    }
}
