package cn.qiying.channels.wechat;

import java.util.List;

import org.springframework.stereotype.Component;

import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

/** Publishes the official account's menu from {@code qiying.wechat.mp.menu} (WeChat replaces the whole menu). */
@Component
public class PublishMenu {

    private final WxMpService mp;
    private final WeChatProperties properties;

    public PublishMenu(WxMpService mp, WeChatProperties properties) {
        this.mp = mp;
        this.properties = properties;
    }

    /** The menu as configured, for display. */
    public List<WeChatProperties.MenuButton> configured() {
        return properties.mp().menu();
    }

    public void publish() throws WxErrorException {
        List<WeChatProperties.MenuButton> buttons = properties.mp().menu();
        if (buttons.isEmpty() || buttons.size() > 3) {
            throw new IllegalArgumentException("qiying.wechat.mp.menu needs 1 to 3 buttons, has " + buttons.size());
        }
        WxMenu menu = new WxMenu();
        buttons.forEach(b -> menu.getButtons().add(button(b)));
        mp.getMenuService().menuCreate(menu);
    }

    private static WxMenuButton button(WeChatProperties.MenuButton b) {
        WxMenuButton button = new WxMenuButton();
        button.setName(b.name());
        if (b.subButtons().isEmpty()) {
            button.setType(b.type());
            button.setKey(b.key());
            button.setUrl(b.url());
        } else {
            if (b.subButtons().size() > 5) {
                throw new IllegalArgumentException("menu button " + b.name() + " has more than 5 sub-buttons");
            }
            b.subButtons().forEach(sub -> button.getSubButtons().add(button(sub)));
        }
        return button;
    }
}
