package cn.qiying.channels.callback;

/** The query parameters and body of one POSTed callback, as WeChat sent them. */
public record CallbackRequest(String signature, String timestamp, String nonce, String encryptType, String msgSignature,
                              String body) {

    boolean safeMode() {
        return "aes".equalsIgnoreCase(encryptType);
    }
}
