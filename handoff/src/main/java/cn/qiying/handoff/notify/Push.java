package cn.qiying.handoff.notify;

import java.util.Map;

/**
 * A message to an enterprise user on the channel it came from: a status change of its ticket, a rating prompt,
 * or an agent's reply in a live conversation.
 *
 * @param id      unique and stable: the idempotency key of delivery (a retried push carries the same id)
 * @param channel "mp", "ma" or "web"
 * @param kind    what it is, so a channel can pick a template (subscribe message) or plain text
 * @param fields  template data, e.g. ticketNo, status, time, department
 */
public record Push(String id, String channel, String appId, String openId, Kind kind, String ticketNo, String text,
                   Map<String, String> fields) {

    public enum Kind { STATUS, RATING_PROMPT, AGENT_REPLY, NOTICE }
}
