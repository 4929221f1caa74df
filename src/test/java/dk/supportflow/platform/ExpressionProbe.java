package dk.supportflow.platform;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an attacker's expression calls: {@code ${expressionProbe.touch()}}. If any query
 * evaluated an expression, {@link #calls()} would go up.
 */
@Component("expressionProbe")
public class ExpressionProbe {

    private final AtomicInteger calls = new AtomicInteger();

    public String touch() {
        calls.incrementAndGet();
        return "sagsbehandler1";
    }

    public int calls() {
        return calls.get();
    }
}
