package cn.qiying.channels.wechat;

/**
 * Users who are not on WeChat at all but are reached locally (the demo's simulator): what would be sent to them as a
 * customer-service message is handed here instead. Implemented outside this package, so WeChat knows no simulator.
 */
public interface LocalRecipients {

    boolean accepts(String openId);

    void deliver(String openId, String text);
}
