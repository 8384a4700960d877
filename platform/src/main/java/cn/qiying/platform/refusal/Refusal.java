package cn.qiying.platform.refusal;

import java.util.List;
import java.util.Map;

/**
 * Why the domain said no, as a value: a message-bundle key with its arguments (the sentence a person reads) and,
 * where a caller can act on it, named properties. The web edge turns a refusal into a 4xx problem detail or a
 * page's error line; domain code never builds HTTP answers.
 */
public sealed interface Refusal {

    String messageKey();

    List<Object> arguments();

    /** Facts a program can act on (e.g. the ticket's current status), added to the problem detail. */
    default Map<String, Object> properties() {
        return Map.of();
    }

    /** The thing asked for does not exist, or the caller may not know that it does. */
    record NotFound(String messageKey, List<Object> arguments) implements Refusal {
    }

    /** The caller is known but may not do this. */
    record NotAllowed(String messageKey, List<Object> arguments) implements Refusal {
    }

    /** Not allowed in the current state (a ticket's status does not permit the action). */
    record IllegalStep(String messageKey, List<Object> arguments, Map<String, Object> properties) implements Refusal {
    }

    /** Someone else changed it between our read and our write: read again and retry. */
    record LostRace(String messageKey, List<Object> arguments, Map<String, Object> properties) implements Refusal {
    }

    /** The input is unusable as given. */
    record Invalid(String messageKey, List<Object> arguments) implements Refusal {
    }

    /** Several things wrong at once (every problem of a form); shown one after the other. */
    record Several(List<Refusal> each) implements Refusal {

        public Several {
            if (each.isEmpty()) {
                throw new IllegalArgumentException("no refusal");
            }
            each = List.copyOf(each);
        }

        public String messageKey() {
            return each.get(0).messageKey();
        }

        public List<Object> arguments() {
            return each.get(0).arguments();
        }
    }

    /** One refusal for all of them: the only one, or {@link Several}. */
    static Refusal of(List<? extends Refusal> problems) {
        return problems.size() == 1 ? problems.get(0) : new Several(List.copyOf(problems));
    }

    static NotFound notFound(String key, Object... args) {
        return new NotFound(key, List.of(args));
    }

    static NotAllowed notAllowed(String key, Object... args) {
        return new NotAllowed(key, List.of(args));
    }

    static Invalid invalid(String key, Object... args) {
        return new Invalid(key, List.of(args));
    }

    /** An argument that is itself a bundle sentence (a field's name, a status label), resolved when shown. */
    static Object text(String key, Object... args) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, args, key);
    }
}
