package dk.supportflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task and filter queries that carry an expression ({@code ${...}} or {@code #{...}}),
 * before they reach Camunda. The engine's own switches (enable-expressions-in-adhoc-queries and
 * -stored-queries, both off) check only the top level of a query, not its OR-queries, so a caller
 * could still have the engine evaluate an expression of their choosing. Covers the engine REST
 * API and the webapps' engine API that Tasklist uses.
 */
@Configuration
public class QueryExpressionGuard {

    /** Task queries, task counts and every filter operation (create, update, list, count). */
    static final Pattern QUERY_PATH = Pattern.compile(
            "^/(engine-rest|camunda/api/engine/engine/[^/]+)/(task(/count)?|filter(/.*)?)/?$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final int MAX_BODY = 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> queryExpressionGuardFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
        registration.setName("query-expression-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static boolean containsExpression(String text) {
        return text != null && EXPRESSION.matcher(text).find();
    }

    private static final class Guard extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!QUERY_PATH.matcher(path).matches()) {
                chain.doFilter(request, response);
                return;
            }
            String query = request.getQueryString() == null ? null
                    : URLDecoder.decode(request.getQueryString(), StandardCharsets.UTF_8);
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY || containsExpression(query)
                    || containsExpression(new String(body, StandardCharsets.UTF_8))) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"type\":\"BadUserRequestException\",\"message\":"
                        + "\"Udtryk (expressions) i opgave- og filterforespørgsler er ikke tilladt.\"}");
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
        }
    }

    /** The request with its body already read, so the guard can look at it first. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
