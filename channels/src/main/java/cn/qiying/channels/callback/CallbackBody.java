package cn.qiying.channels.callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import cn.qiying.platform.web.WebEdge;

/** Reads a callback body, refusing more than the configured size before it is parsed. */
@WebEdge
final class CallbackBody {

    private CallbackBody() {
    }

    static String read(HttpServletRequest request, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "the callback body is too large");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "the callback body is too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the callback body cannot be read");
        }
    }
}
