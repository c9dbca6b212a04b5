package report_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/slcheck/slcheck/redact"
)

// valueBefore is redact.Policy.Value as it was before it skipped the
// fields that hold no string and started a column's Stream at its first
// string: every exported field walked, a Stream for each.
func valueBefore(p redact.Policy, ptr any) {
	v := reflect.ValueOf(ptr)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	walkBefore(p, v.Elem(), p.Stream())
}

func walkBefore(p redact.Policy, v reflect.Value, st *redact.Stream) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(st.Text(v.String()))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			if v.Kind() == reflect.Interface {
				if !v.CanSet() {
					return
				}
				c := reflect.New(v.Elem().Type()).Elem()
				c.Set(v.Elem())
				walkBefore(p, c, st)
				v.Set(c)
				return
			}
			walkBefore(p, v.Elem(), p.Stream())
		}
	case reflect.Struct:
		walkRowBefore(p, v, map[int]*redact.Stream{})
	case reflect.Slice, reflect.Array:
		lines, columns := p.Stream(), map[int]*redact.Stream{}
		for i := 0; i < v.Len(); i++ {
			if e := v.Index(i); e.Kind() == reflect.Struct {
				walkRowBefore(p, e, columns)
			} else {
				walkBefore(p, e, lines)
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			c := reflect.New(iter.Value().Type()).Elem()
			c.Set(iter.Value())
			walkBefore(p, c, p.Stream())
			v.SetMapIndex(iter.Key(), c)
		}
	}
}

func walkRowBefore(p redact.Policy, v reflect.Value, columns map[int]*redact.Stream) {
	if v.CanAddr() {
		if d, ok := v.Addr().Interface().(redact.Done); ok && d.RedactedWith(p) {
			return
		}
	}
	for i := 0; i < v.NumField(); i++ {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		st := columns[i]
		if st == nil {
			st = p.Stream()
			columns[i] = st
		}
		walkBefore(p, v.Field(i), st)
	}
}

// walkRow is a table row of mixed columns: strings beside fields that hold
// none, which Value now skips.
type walkRow struct {
	N     int
	Line  string
	When  time.Time
	Flags []bool
	Any   any
	Next  *walkRow
	Words map[string][]string
}

// TestValueAsBefore: Value leaves every scenario's document, the document
// of every line, and tables whose private key blocks and SNMP community
// tables run across rows, empty strings and fields without strings as the
// walk before it did, with and without contacts.
func TestValueAsBefore(t *testing.T) {
	key := []string{"-----BEGIN RSA PRIVATE KEY-----", "", "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun", "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK", "", "LLpI=", "-----END RSA PRIVATE KEY-----"}
	community := []string{"Community            Group / Access      context    acl_filter", "---------            --------------      -------    ----------", "s3cretComm           network-operator", "", "public2              network-admin"}
	mk := map[string]func() any{
		"every line": func() any { return everyLineDocument(t) },
		"table": func() any {
			var rows []walkRow
			for i, l := range append(append([]string{}, key...), community...) {
				rows = append(rows, walkRow{N: i, Line: l, Flags: []bool{true}, Any: l, Words: map[string][]string{"k": {l, "snmp-server community x"}}})
			}
			rows[1].Next = &walkRow{Line: "snmp-server community nested"}
			return &rows
		},
		"lines": func() any { v := append(append([]string{}, key...), community...); return &v },
	}
	for _, sc := range scenarios(t) {
		mk[sc.name] = func() any { return document(t, sc) }
	}
	for name, doc := range mk {
		for _, p := range []redact.Policy{{}, {ShowContacts: true}} {
			got, want := doc(), doc()
			p.Value(got)
			valueBefore(p, want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (%+v): Value differs from the walk before", name, p)
			}
			if name == "table" && reflect.DeepEqual(got, doc()) {
				t.Errorf("table: nothing redacted, the test proves nothing")
			}
		}
	}
}
