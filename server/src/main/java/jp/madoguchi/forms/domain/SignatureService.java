package jp.madoguchi.forms.domain;

import jp.madoguchi.platform.CurrentActor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.audit.AuditEntry;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.forms.render.SignatureMark;
import jp.madoguchi.forms.render.SignatureMarks;
import jp.madoguchi.forms.template.FormData;
import jp.madoguchi.forms.template.TemplateJson;
import jp.madoguchi.moving.NotificationContent;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's signature from the pen tablet. A signature signs the content shown to
 * the resident: it is stored with the SHA-256 of that content, and once the notification
 * changes the signature no longer matches, so the forms and the screens ask for a new one
 * instead of printing an old signature under new content.
 */
@Service
public class SignatureService {

	/** Limits that keep one signature a signature: enough for any name, not a drawing. */
	static final int MAX_STROKES = 200;

	static final int MAX_POINTS = 20_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SignatureRepository signatures;

	private final AuditTrail audit;

	private final Clock clock;

	SignatureService(SignatureRepository signatures, AuditTrail audit, Clock clock) {
		this.signatures = signatures;
		this.audit = audit;
		this.clock = clock;
	}

	/** The SHA-256 (hex) of the content as signed: its canonical JSON. */
	static String contentHash(NotificationContent content) {
		return sha256(JSON.writeValueAsString(content));
	}

	/**
	 * The SHA-256 (hex) of one form's content: its template (the version in force, as
	 * JSON) and the data it is filled with (My Numbers masked), without the moment of
	 * printing and the ticket number, which change from one print to the next without
	 * changing what the resident signs.
	 */
	static String formHash(StoredTemplate stored, FormData data) {
		ObjectNode filled = (ObjectNode) JSON.valueToTree(data);
		filled.remove(List.of("printedOn", "printedAt", "ticketNumber"));
		return sha256(stored.formId() + "\n" + stored.version() + "\n" + TemplateJson.write(stored.template()) + "\n"
				+ JSON.writeValueAsString(filled));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** The signatures of a notification as they stand against its current content. */
	Signed signed(UUID notificationId, NotificationContent current) {
		return new Signed(contentHash(current), signatures.latestPerSigner(notificationId));
	}

	/**
	 * The latest signature of each signer and the hash of the notification's current
	 * content: what a form's boxes show, and whether a person has signed every form they
	 * must sign.
	 */
	static final class Signed {

		private final String contentHash;

		private final Map<String, StoredSignature> bySigner = new HashMap<>();

		private @Nullable StoredSignature shared;

		Signed(String contentHash, List<StoredSignature> latest) {
			this.contentHash = contentHash;
			for (StoredSignature s : latest) {
				if (s.signer() == null) {
					this.shared = s;
				}
				else {
					this.bySigner.put(s.signer(), s);
				}
			}
		}

		/** What the boxes of this form show, each signature checked against this form. */
		SignatureMarks marksFor(String formId, String formHash) {
			Map<String, SignatureMark> marks = new HashMap<>();
			bySigner.forEach((signer, s) -> marks.put(signer,
					new SignatureMark(s.signs(contentHash, formId, formHash), strokes(s.strokesJson()))));
			SignatureMark sharedMark = (shared != null)
					? new SignatureMark(shared.signs(contentHash, formId, formHash), strokes(shared.strokesJson()))
					: null;
			return new SignatureMarks(marks, sharedMark);
		}

		/**
		 * Whether this person's own signature signs the current content of every one of
		 * these forms (form id to its current hash).
		 */
		boolean signedBy(@Nullable String signer, Map<String, String> forms) {
			StoredSignature own = (signer != null) ? bySigner.get(signer) : shared;
			if (own == null) {
				return false;
			}
			StoredSignature s = own;
			return forms.entrySet().stream().allMatch(f -> s.signs(contentHash, f.getKey(), f.getValue()));
		}

	}

	public Status status(UUID notificationId, NotificationContent current) {
		String hash = contentHash(current);
		Optional<StoredSignature> latest = signatures.latest(notificationId);
		if (latest.isEmpty()) {
			return new Status(State.NONE, hash, null);
		}
		StoredSignature signature = latest.get();
		return new Status(signature.contentHash().equals(hash) ? State.VALID : State.INVALID, hash,
				signature.signedAt());
	}

	/**
	 * What the forms' signature boxes show: each signer's latest signature, and the
	 * latest one made for the notification as a whole.
	 */
	public SignatureMarks marks(UUID notificationId, NotificationContent current) {
		String hash = contentHash(current);
		Map<String, SignatureMark> bySigner = new HashMap<>();
		SignatureMark shared = null;
		for (StoredSignature s : signatures.latestPerSigner(notificationId)) {
			SignatureMark mark = new SignatureMark(s.contentHash().equals(hash), strokes(s.strokesJson()));
			if (s.signer() == null) {
				shared = mark;
			}
			else {
				bySigner.put(s.signer(), mark);
			}
		}
		return new SignatureMarks(bySigner, shared);
	}

	/**
	 * Stores a signature made on the content whose hash the tablet page showed.
	 * @throws ProblemException 409 {@code SIGNATURE_CONTENT_CHANGED} when the content
	 * changed since the page was shown; 422 {@code SIGNATURE_INVALID} for empty or
	 * malformed strokes
	 */
	@Transactional
	public Status capture(UUID notificationId, NotificationContent current, String signedHash,
			List<List<double[]>> strokes, @Nullable String signer, @Nullable Map<String, String> formHashes) {
		String hash = contentHash(current);
		if (!hash.equals(signedHash)) {
			audit.record(AuditEntry.failure("SIGNATURE_CAPTURED", subject(notificationId), "content changed"));
			throw new ProblemException(HttpStatus.CONFLICT, "SIGNATURE_CONTENT_CHANGED");
		}
		List<List<double[]>> clean = validate(strokes);
		StoredSignature stored = new StoredSignature(UUID.randomUUID(), notificationId, hash,
				JSON.writeValueAsString(clean), clock.instant(), CurrentActor.name(),
				(signer == null || signer.isBlank()) ? null : signer, formHashes);
		signatures.add(stored);
		audit.record(AuditEntry.success("SIGNATURE_CAPTURED", subject(notificationId),
				"strokes=" + clean.size() + " hash=" + hash.substring(0, 12)
						+ ((stored.signer() != null) ? " signer" : "") + ((formHashes != null)
								? " forms=" + String.join(",", new java.util.TreeSet<>(formHashes.keySet())) : "")));
		return new Status(State.VALID, hash, stored.signedAt());
	}

	private static List<List<double[]>> validate(List<List<double[]>> strokes) {
		if (strokes == null || strokes.isEmpty()) {
			throw invalid("empty");
		}
		if (strokes.size() > MAX_STROKES) {
			throw invalid("strokes", String.valueOf(MAX_STROKES));
		}
		int points = 0;
		List<List<double[]>> clean = new ArrayList<>();
		for (List<double[]> stroke : strokes) {
			if (stroke == null || stroke.isEmpty()) {
				continue;
			}
			List<double[]> line = new ArrayList<>();
			for (double[] point : stroke) {
				if (point == null || point.length != 3 || !within(point[0]) || !within(point[1]) || !within(point[2])) {
					throw invalid("point");
				}
				line.add(new double[] { round(point[0]), round(point[1]), round(point[2]) });
			}
			points += line.size();
			clean.add(line);
		}
		if (clean.isEmpty()) {
			throw invalid("empty");
		}
		if (points > MAX_POINTS) {
			throw invalid("points", String.valueOf(MAX_POINTS));
		}
		return clean;
	}

	private static List<List<SignatureMark.Point>> strokes(String json) {
		double[][][] strokes = JSON.readValue(json, double[][][].class);
		List<List<SignatureMark.Point>> out = new ArrayList<>();
		for (double[][] stroke : strokes) {
			List<SignatureMark.Point> line = new ArrayList<>();
			for (double[] p : stroke) {
				line.add(new SignatureMark.Point(p[0], p[1], p[2]));
			}
			out.add(line);
		}
		return out;
	}

	private static boolean within(double value) {
		return !Double.isNaN(value) && value >= 0 && value <= 1;
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	private static ProblemException invalid(String reason, Object... arguments) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "SIGNATURE_INVALID", arguments).because(reason);
	}

	private static String subject(UUID id) {
		return "notification:" + id;
	}

	/** Whether the notification carries a signature for its current content. */
	public enum State {

		NONE, VALID, INVALID

	}

	/**
	 * @param contentHash the hash of the current content: what a new signature must sign
	 */
	public record Status(State state, String contentHash, java.time.@Nullable Instant signedAt) {

	}

}
