package jp.madoguchi.residentrecord.domain.lookup;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jp.madoguchi.residentrecord.Resident;
import jp.madoguchi.residentrecord.ResidentQuery;
import jp.madoguchi.residentrecord.ResidentRecordLookup;
import jp.madoguchi.residentrecord.SentAhead;
import jp.madoguchi.residentrecord.SentAheadQuery;
import jp.madoguchi.residentrecord.domain.LinkSigners;
import jp.madoguchi.residentrecord.domain.ResidentRecordProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the lookup: the resident-record system's API when
 * {@code madoguchi.resident-record.lookup.url} is set, else the city's snapshot file
 * ({@code lookup.snapshot}), else none (lookups answer that nothing is configured).
 */
@Configuration(proxyBeanMethods = false)
class LookupConfiguration {

	@Bean
	ResidentRecordLookup residentRecordLookup(ResidentRecordProperties properties, JsonMapper json,
			LinkSigners signers) {
		ResidentRecordProperties.Lookup lookup = properties.lookup();
		if (lookup.url() != null) {
			return new HttpResidentRecordLookup(properties.secure(lookup.url(), "madoguchi.resident-record.lookup.url"),
					lookup.timeout(), json, signers.signer());
		}
		if (lookup.snapshot() != null) {
			return new SnapshotFileLookup(lookup.snapshot(), json);
		}
		return new ResidentRecordLookup() {

			@Override
			public List<Resident> find(ResidentQuery query) {
				throw notConfigured();
			}

			@Override
			public List<Resident> findByIds(Collection<String> residentIds) {
				throw notConfigured();
			}

			@Override
			public Map<String, List<Resident>> findHouseholds(Collection<String> householdIds) {
				throw notConfigured();
			}

			@Override
			public List<SentAhead> findSentAhead(SentAheadQuery query) {
				throw notConfigured();
			}

			@Override
			public List<SentAhead> findSentAheadByIds(Collection<String> noticeIds) {
				throw notConfigured();
			}

			private LookupUnavailableException notConfigured() {
				return new LookupUnavailableException(
						"住民記録の照会先が設定されていません（madoguchi.resident-record.lookup.url または lookup.snapshot）。");
			}

			@Override
			public String source() {
				return "none";
			}
		};
	}

}
