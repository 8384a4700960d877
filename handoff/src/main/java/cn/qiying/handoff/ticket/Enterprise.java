package cn.qiying.handoff.ticket;

/** The enterprise behind an appeal; {@code uscc} is the unified social credit code. */
public record Enterprise(String name, String uscc, String contact, String phone) {
}
