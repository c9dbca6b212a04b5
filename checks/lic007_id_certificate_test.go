package checks

import (
	"testing"
	"time"
)

func TestLIC007(t *testing.T) {
	runLicCases(t, "LIC007", []licCase{
		{"far away", lsnap(seedLic(), lutc(2022, 8, 1, 0, 0)), Pass, "", []string{"in 325 days"}},
		{"within 30 days", lsnap(seedLic(), lutc(2023, 6, 1, 0, 0)), Fail, Warning, []string{"in 21 days"}},
		{"exactly 30 days", lsnap(seedLic(), lutc(2023, 5, 23, 16, 13)), Pass, "", []string{"in 30 days"}},
		{"expires today", lsnap(seedLic(), lutc(2023, 6, 22, 8, 0)), Fail, Warning, []string{"in 8 hours"}},
		{"expired", lsnap(seedLic(), lutc(2023, 7, 1, 0, 0)), Fail, Warning, []string{"has expired", "passed 8 days ago"}},
		{"capture time unknown", lsnap(seedLic(), time.Time{}), Skipped, "", []string{"2023-06-22 16:13 UTC could not be judged: run `show clock`"}},
	})
}
