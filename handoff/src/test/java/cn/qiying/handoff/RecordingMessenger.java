package cn.qiying.handoff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.qiying.handoff.notify.Messenger;
import cn.qiying.handoff.notify.Push;

/**
 * The channels' side of the port, for tests: records every attempt and answers with scripted outcomes (SENT by
 * default); idempotent by push id as the port requires, so a push once sent is not attempted again.
 */
public class RecordingMessenger implements Messenger {

    private final List<Push> attempts = new CopyOnWriteArrayList<>();
    private final Deque<Delivery> script = new ArrayDeque<>();
    private final Set<String> sent = new HashSet<>();

    @Override
    public synchronized Delivery deliver(Push push) {
        if (sent.contains(push.id())) {
            return Delivery.sent();
        }
        attempts.add(push);
        Delivery outcome = script.isEmpty() ? Delivery.sent() : script.poll();
        if (outcome.outcome() == Delivery.Outcome.SENT) {
            sent.add(push.id());
        }
        return outcome;
    }

    public synchronized void answerNext(Delivery... outcomes) {
        script.addAll(List.of(outcomes));
    }

    public List<Push> attempts() {
        return List.copyOf(attempts);
    }

    public List<Push> attemptsFor(String ticketNo) {
        return attempts.stream().filter(p -> ticketNo.equals(p.ticketNo())).toList();
    }

    public synchronized void reset() {
        attempts.clear();
        script.clear();
        sent.clear();
    }
}
