package cn.qiying.channels.wechat;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import me.chanjar.weixin.common.error.WxErrorException;

/** Staff: the official account's configured menu, and publishing it to WeChat. */
@RestController
@RequestMapping("/api/wechat/menu")
class MenuController {

    private final PublishMenu publishMenu;

    MenuController(PublishMenu publishMenu) {
        this.publishMenu = publishMenu;
    }

    @GetMapping
    List<WeChatProperties.MenuButton> configured() {
        return publishMenu.configured();
    }

    @PostMapping
    List<WeChatProperties.MenuButton> publish() {
        try {
            publishMenu.publish();
            return publishMenu.configured();
        } catch (WxErrorException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "WeChat refused the menu: " + e.getError().getErrorMsg());
        }
    }
}
