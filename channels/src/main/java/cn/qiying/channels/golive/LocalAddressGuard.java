package cn.qiying.channels.golive;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.web.PublicAddress;

/**
 * Refuses to start a real WeChat account (demo mode off) on a {@code qiying.public-base-url} nobody outside can reach:
 * the QR codes printed on cards and the links pushed to enterprises would point at this machine.
 */
@Component
class LocalAddressGuard {

    LocalAddressGuard(WeChatProperties wechat, PublicAddress address, @Value("${qiying.demo.enabled:false}") boolean demo) {
        if (!demo && (wechat.mp().configured() || wechat.ma().configured()) && address.local()) {
            throw new LocalPublicAddressException(address.base());
        }
    }

    static final class LocalPublicAddressException extends IllegalStateException {

        final String address;

        LocalPublicAddressException(String address) {
            super("qiying.public-base-url is " + address + ", which only this machine can reach, but a WeChat account is configured");
            this.address = address;
        }
    }
}
