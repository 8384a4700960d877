package cn.qiying.handoff.ticket;

public record Counters(int returns, int redos, int replies, int reopenings) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0);

    public Counters returned() {
        return new Counters(returns + 1, redos, replies, reopenings);
    }

    public Counters redone() {
        return new Counters(returns, redos + 1, replies, reopenings);
    }

    public Counters replied() {
        return new Counters(returns, redos, replies + 1, reopenings);
    }

    public Counters reopened() {
        return new Counters(returns, redos, replies, reopenings + 1);
    }
}
