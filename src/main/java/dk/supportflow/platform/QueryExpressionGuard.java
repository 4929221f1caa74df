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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second line behind {@link QueryExpressionBlocker}, which enforces the rule inside the
 * engine: refuses task and filter requests whose text carries an expression ({@code ${...}} or
 * {@code #{...}}) before they reach Camunda, on the engine REST API (also under
 * {@code /engine-rest/engine/{name}}) and the webapps' engine API that Tasklist uses. The text is
 * looked at as the REST layer will read it: URL-decoded, in UTF-8 and UTF-16, with JSON's
 * unicode escapes resolved.
 */
@Configuration
public class QueryExpressionGuard {

    /** Task queries, task counts and every filter operation (create, update, list, count). */
    static final Pattern QUERY_PATH = Pattern.compile(
            "^/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/(task(/count)?|filter(/.*)?)/?$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final List<Charset> BODY_CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
            StandardCharsets.UTF_16LE);
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
        if (text == null) {
            return false;
        }
        String unescaped = JSON_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        return EXPRESSION.matcher(text).find() || EXPRESSION.matcher(unescaped).find()
                || EXPRESSION.matcher(urlDecoded(unescaped)).find();
    }

    static boolean bodyContainsExpression(byte[] body) {
        return BODY_CHARSETS.stream().anyMatch(charset -> containsExpression(new String(body, charset)));
    }

    private static String urlDecoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
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
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY || containsExpression(request.getQueryString()) || bodyContainsExpression(body)) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"type\":\"UserInputRefused\",\"message\":\""
                        + QueryExpressionBlocker.MESSAGE + "\"}");
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
