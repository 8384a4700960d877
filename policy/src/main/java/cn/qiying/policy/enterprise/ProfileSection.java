package cn.qiying.policy.enterprise;

/**
 * A part of an enterprise's profile page that another feature keeps (its bound WeChat users, the policies pushed to
 * it), so the profile shows them without this package knowing those features.
 */
public interface ProfileSection {

    /** The JSON property the section appears under. */
    String name();

    /** The section's content for one enterprise (a JSON-serialisable value). */
    Object of(String uscc);
}
