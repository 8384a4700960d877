package cn.qiying.channels.golive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.qiying.channels.wechat.WeChatProperties;
import cn.qiying.platform.web.PublicAddress;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.menu.WxMpGetSelfMenuInfoResult;
import me.chanjar.weixin.mp.bean.menu.WxMpSelfMenuInfo;
import me.chanjar.weixin.mp.bean.template.WxMpTemplate;

/**
 * The go-live check (上线检查): what a real account needs before enterprises use it, verified against WeChat where WeChat
 * can answer (the access token and the server's IP allow-list, the template ids, the published menu, the OAuth domain's
 * verification file as the public address serves it), and listed as steps by hand where it cannot (the callback settings
 * entered in WeChat's admin pages, the mini program's message format). Each finding names a bundle key.
 */
@Component
public class GoLiveCheck {

    /** OK: verified; FIX: wrong or missing, with what to do; BY_HAND: WeChat cannot be asked, the step is described. */
    public enum Verdict { OK, FIX, BY_HAND }

    public record Finding(String item, Verdict verdict, String messageKey, List<Object> arguments) {

        public Finding {
            arguments = List.copyOf(arguments);
        }

        static Finding of(String item, Verdict verdict, String key, Object... arguments) {
            return new Finding(item, verdict, "channels.golive." + key, List.of(arguments));
        }
    }

    /** WeChat's message when the caller's IP is not on the allow-list: "invalid ip 1.2.3.4 ipv6 …, not in whitelist". */
    private static final Pattern INVALID_IP = Pattern.compile("invalid ip ([0-9a-fA-F.:]+)");

    private final WeChatProperties wechat;
    private final PublicAddress address;
    private final WxMpService mp;
    private final WxMaService ma;
    private final HttpClient http;

    GoLiveCheck(WeChatProperties wechat, PublicAddress address, WxMpService mp, WxMaService ma) {
        this.wechat = wechat;
        this.address = address;
        this.mp = mp;
        this.ma = ma;
        this.http = HttpClient.newBuilder().connectTimeout(wechat.apiTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Every check, in the order a person would fix them. */
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>(address());
        if (!wechat.mp().configured() && !wechat.ma().configured()) {
            findings.add(Finding.of("accounts", Verdict.FIX, "accounts.none"));
            return findings;
        }
        if (wechat.mp().configured()) {
            findings.addAll(officialAccount());
        }
        if (wechat.ma().configured()) {
            findings.addAll(miniProgram());
        }
        return findings;
    }

    public static boolean ready(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.verdict() == Verdict.FIX);
    }

    private List<Finding> address() {
        if (address.local()) {
            return List.of(Finding.of("address", Verdict.FIX, "address.local", address.base()));
        }
        if (!address.https()) {
            return List.of(Finding.of("address", Verdict.FIX, "address.http", address.base()));
        }
        return List.of(Finding.of("address", Verdict.OK, "address.ok", address.base()));
    }

    private List<Finding> officialAccount() {
        WeChatProperties.Account account = wechat.mp();
        List<Finding> findings = new ArrayList<>(secrets("mp", account));
        List<WxMpTemplate> templates;
        try {
            mp.getAccessToken();
            templates = mp.getTemplateMsgService().getAllPrivateTemplate();
            findings.add(Finding.of("mp.api", Verdict.OK, "api.ok"));
        } catch (WxErrorException e) {
            findings.add(apiFailure("mp.api", e));
            return findings;
        }
        findings.add(templates("mp.templates", account,
                templates.stream().map(WxMpTemplate::getTemplateId).collect(Collectors.toSet())));
        findings.add(menu(account));
        findings.add(verificationFile(account));
        findings.add(Finding.of("mp.callback", Verdict.BY_HAND, "mp.callback", address.url("/wechat/mp/callback")));
        return findings;
    }

    private List<Finding> miniProgram() {
        WeChatProperties.Account account = wechat.ma();
        List<Finding> findings = new ArrayList<>(secrets("ma", account));
        try {
            ma.getAccessToken();
            Set<String> ids = ma.getSubscribeService().getTemplateList().stream()
                    .map(t -> t.getPriTmplId()).collect(Collectors.toSet());
            findings.add(Finding.of("ma.api", Verdict.OK, "api.ok"));
            findings.add(templates("ma.templates", account, ids));
        } catch (WxErrorException e) {
            findings.add(apiFailure("ma.api", e));
        }
        findings.add(Finding.of("ma.callback", Verdict.BY_HAND, "ma.callback", address.url("/wechat/ma/callback")));
        return findings;
    }

    private static List<Finding> secrets(String channel, WeChatProperties.Account account) {
        List<Finding> findings = new ArrayList<>();
        if (blank(account.secret()) || blank(account.token())) {
            findings.add(Finding.of(channel + ".settings", Verdict.FIX, "settings.missing", channel));
        }
        if (blank(account.aesKey())) {
            findings.add(Finding.of(channel + ".aes", Verdict.FIX, "settings.aes", channel));
        } else if (account.aesKey().length() != 43) {
            findings.add(Finding.of(channel + ".aes", Verdict.FIX, "settings.aes-length", channel, account.aesKey().length()));
        }
        return findings;
    }

    private static Finding apiFailure(String item, WxErrorException e) {
        int code = e.getError().getErrorCode();
        String message = e.getError().getErrorMsg() == null ? "" : e.getError().getErrorMsg();
        Matcher ip = INVALID_IP.matcher(message);
        return switch (code) {
            case 40164, 61004 -> Finding.of(item, Verdict.FIX, "api.ip", ip.find() ? ip.group(1) : "?");
            case 40013 -> Finding.of(item, Verdict.FIX, "api.app-id");
            case 40125, 40001 -> Finding.of(item, Verdict.FIX, "api.secret");
            default -> Finding.of(item, Verdict.FIX, "api.other", code, message);
        };
    }

    private static Finding templates(String item, WeChatProperties.Account account, Set<String> existing) {
        if (account.templates().isEmpty()) {
            return Finding.of(item, Verdict.FIX, "templates.none");
        }
        Map<String, String> missing = new TreeMap<>();
        account.templates().forEach((kind, template) -> {
            if (template.id() == null || !existing.contains(template.id())) {
                missing.put(kind, template.id());
            }
        });
        if (!missing.isEmpty()) {
            return Finding.of(item, Verdict.FIX, "templates.missing", missing.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        return Finding.of(item, Verdict.OK, "templates.ok", account.templates().size());
    }

    private Finding menu(WeChatProperties.Account account) {
        if (account.menu().isEmpty()) {
            return Finding.of("mp.menu", Verdict.BY_HAND, "menu.none");
        }
        List<String> configured = account.menu().stream().map(WeChatProperties.MenuButton::name).toList();
        try {
            WxMpGetSelfMenuInfoResult published = mp.getMenuService().getSelfMenuInfo();
            WxMpSelfMenuInfo info = published == null ? null : published.getSelfMenuInfo();
            List<String> names = info == null || info.getButtons() == null ? List.of()
                    : info.getButtons().stream().map(b -> b.getName()).toList();
            boolean open = published != null && Integer.valueOf(1).equals(published.getIsMenuOpen());
            if (open && names.equals(configured)) {
                return Finding.of("mp.menu", Verdict.OK, "menu.ok", String.join(" | ", names));
            }
            return Finding.of("mp.menu", Verdict.FIX, "menu.differs", String.join(" | ", configured),
                    names.isEmpty() ? "-" : String.join(" | ", names));
        } catch (WxErrorException e) {
            return apiFailure("mp.menu", e);
        }
    }

    /** WeChat fetches http(s)://domain/MP_verify_xxx.txt before it accepts the domain for OAuth pages; so do we. */
    private Finding verificationFile(WeChatProperties.Account account) {
        String file = account.verificationFile();
        if (blank(file)) {
            return Finding.of("mp.oauth", Verdict.FIX, "oauth.none", address.host());
        }
        String url = "http" + (address.https() ? "s" : "") + "://" + URI.create(address.base()).getRawAuthority() + "/" + file;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(wechat.apiTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().strip().equals(VerificationFile.content(file))) {
                return Finding.of("mp.oauth", Verdict.OK, "oauth.ok", url);
            }
            return Finding.of("mp.oauth", Verdict.FIX, "oauth.wrong", url, answer.statusCode());
        } catch (IOException e) {
            return Finding.of("mp.oauth", Verdict.FIX, "oauth.unreachable", url, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.of("mp.oauth", Verdict.FIX, "oauth.unreachable", url, "interrupted");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
