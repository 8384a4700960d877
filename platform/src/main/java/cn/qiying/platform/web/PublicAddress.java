package cn.qiying.platform.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The address enterprises reach ({@code qiying.public-base-url}): QR codes, pushed links and the policy hall are built
 * on it, so a wrong one is printed on cards. Checked when bound: an absolute http(s) URL without query or fragment.
 *
 * @param publicBaseUrl e.g. {@code https://qy.example.gov.cn} (a path prefix is allowed; a trailing slash is dropped)
 */
@ConfigurationProperties("qiying")
public record PublicAddress(@DefaultValue("http://localhost:8080") String publicBaseUrl) {

    public PublicAddress {
        URI uri;
        try {
            uri = new URI(publicBaseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("qiying.public-base-url is not a URL: " + publicBaseUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "qiying.public-base-url must be an absolute http(s) address without query or fragment: " + publicBaseUrl);
        }
        publicBaseUrl = uri.toString().replaceAll("/+$", "");
    }

    /** The base without a trailing slash, to which paths beginning with a slash are appended. */
    public String base() {
        return publicBaseUrl;
    }

    public String url(String path) {
        return publicBaseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public String host() {
        return URI.create(publicBaseUrl).getHost();
    }

    public boolean https() {
        return publicBaseUrl.startsWith("https:");
    }

    /**
     * Whether no one but this machine (or its private network) can reach the address: localhost, a loopback, link-local
     * or private literal address. Host names are not resolved (start-up must not wait on DNS).
     */
    public boolean local() {
        String host = host().replaceAll("^\\[|]$", "");
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase().endsWith(".localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
