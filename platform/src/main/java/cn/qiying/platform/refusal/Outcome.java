package cn.qiying.platform.refusal;

import java.util.function.Function;

/** What a domain operation gives back: its result, or the refusal that explains why there is none. */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    default boolean isDone() {
        return this instanceof Done<T>;
    }

    /** The refusal, or null when done. */
    default Refusal refusal() {
        return this instanceof Refused<T> refused ? refused.refusal() : null;
    }

    default <U> Outcome<U> map(Function<T, U> f) {
        return this instanceof Done<T> done ? new Done<>(f.apply(done.value())) : new Refused<>(refusal());
    }

    default <U> Outcome<U> then(Function<T, Outcome<U>> f) {
        return this instanceof Done<T> done ? f.apply(done.value()) : new Refused<>(refusal());
    }

    /** The value, or what the caller makes of the refusal (at the web edge: a problem detail). */
    default <X extends Throwable> T orElseThrow(Function<Refusal, X> failure) throws X {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw failure.apply(refusal());
    }
}
