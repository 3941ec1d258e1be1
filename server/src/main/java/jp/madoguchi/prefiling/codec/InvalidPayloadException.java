package jp.madoguchi.prefiling.codec;

/**
 * A payload that cannot be decoded: damaged, truncated, for another key, or not a
 * pre-application payload at all. The message says why, for logs; never personal data.
 */
public class InvalidPayloadException extends Exception {

	public InvalidPayloadException(String message) {
		super(message);
	}

	public InvalidPayloadException(String message, Throwable cause) {
		super(message, cause);
	}

}
