package cn.qiying.handoff.web;

/** The Basic-authenticated staff API for tests outside this package. */
public record StaffApiAccess(int port) {

    /** The status of a POST as the user. */
    public int post(String user, String path, String json) {
        return new StaffApi(port).post(user, path, json).status();
    }
}
