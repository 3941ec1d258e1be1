package jp.madoguchi.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body larger than its side allows from the {@code Content-Length} header,
 * before a byte of it is read: 413 {@code REQUEST_TOO_LARGE}. The public site takes no
 * file uploads (415 {@code MULTIPART_NOT_ALLOWED}) and no body of unknown length (411
 * {@code LENGTH_REQUIRED}); on the counter a body of unknown length is cut off at the
 * limit while it is read.
 */
class RequestSizeFilter extends OncePerRequestFilter {

	private final RequestLimits limits;

	private final Predicate<HttpServletRequest> isPublic;

	RequestSizeFilter(RequestLimits limits, Predicate<HttpServletRequest> isPublic) {
		this.limits = limits;
		this.isPublic = isPublic;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean publicSite = isPublic.test(request);
		String type = (request.getContentType() != null) ? request.getContentType().toLowerCase(Locale.ROOT) : "";
		boolean multipart = type.startsWith("multipart/");
		if (publicSite && multipart) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "MULTIPART_NOT_ALLOWED");
			return;
		}
		if (!publicSite && multipart) {
			// Files: spring.servlet.multipart.* limits them, spooled to disk.
			chain.doFilter(request, response);
			return;
		}
		long limit = (publicSite ? limits.publicBody() : limits.counterBody()).toBytes();
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE", limit / 1024);
			return;
		}
		boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (chunked && publicSite) {
			refuse(request, response, HttpStatus.LENGTH_REQUIRED, "LENGTH_REQUIRED");
			return;
		}
		chain.doFilter(chunked ? new LimitedRequest(request, limit) : request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Object... arguments) throws IOException {
		// The unread body is not worth keeping the connection for.
		response.setHeader("Connection", "close");
		Problems.write(response, Problems.of(request, status, code, arguments));
	}

	/** A body of unknown length that fails once it grows past the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > limit) {
						throw new IOException("request body larger than " + limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
