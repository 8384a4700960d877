package cn.qiying.channels.golive;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear line for the operator instead of a stack trace. */
class LocalAddressFailureAnalyzer extends AbstractFailureAnalyzer<LocalAddressGuard.LocalPublicAddressException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalAddressGuard.LocalPublicAddressException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set qiying.public-base-url (QIYING_PUBLICBASEURL) to the https address enterprises reach, e.g."
                        + " https://qy.example.gov.cn, or turn demo mode on (qiying.demo.enabled=true) to try the service locally.",
                cause);
    }
}
