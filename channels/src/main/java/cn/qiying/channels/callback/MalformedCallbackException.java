package cn.qiying.channels.callback;

/** The callback body is not a WeChat message we can read (bad XML, a DOCTYPE, undecryptable): answered with 400. */
public class MalformedCallbackException extends RuntimeException {

    public MalformedCallbackException(String message) {
        super(message);
    }
}
