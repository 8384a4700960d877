package cn.qiying.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The JDK's HTTP server on a free local port with daemon threads: what the fake external services run on. */
final class LocalHttpServer {

    private LocalHttpServer() {
    }

    static HttpServer start(String path, HttpHandler handler, String threadName) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext(path, handler);
            http.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            }));
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
