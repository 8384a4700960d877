package cn.qiying.channels.callback;

/** The callback is not from WeChat or not for us (bad signature, wrong appid, a replay): answered with 403. */
public class CallbackRefusedException extends RuntimeException {

    public CallbackRefusedException(String message) {
        super(message);
    }
}
