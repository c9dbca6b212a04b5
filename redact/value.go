package redact

import (
	"reflect"
	"sync"
)

// Value redacts, in place, every string reachable from ptr (a pointer to a
// struct such as report.Document): struct fields, slices, maps, pointers.
// The strings of one slice are treated as consecutive lines, so a private
// key quoted line by line as evidence is caught whole. Fields that cannot
// be set (unexported) are left alone; the Writer still covers them. A
// struct that says it was redacted with p already (Done) is not walked
// again.
func (p Policy) Value(ptr any) {
	v := reflect.ValueOf(ptr)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	w := walker{policy: &p}
	col := Stream{policy: &p}
	w.walk(v.Elem(), &col)
}

// walker walks one value for Value. The Streams of the structs' columns
// are cut from chunks of 64 it makes, instead of a slice made for each
// struct: a device's results and their evidence are dozens of small
// structs (BenchmarkRedactValue).
type walker struct {
	policy *Policy
	free   []Stream // the rest of the last chunk
}

// columns returns n fresh Streams.
func (w *walker) columns(n int) []Stream {
	if len(w.free) < n {
		w.free = make([]Stream, max(n, 64))
	}
	c := w.free[:n:n]
	w.free = w.free[n:]
	for i := range c {
		c[i].policy = w.policy
	}
	return c
}

// Done is a struct whose strings were redacted already, such as a device's
// diagnosis redacted by the worker that made it, in parallel with the
// other hosts' collection, instead of at the end of the run.
type Done interface {
	// RedactedWith reports whether the value was redacted with p and not
	// changed since.
	RedactedWith(p Policy) bool
}

// walk redacts v's strings as the next lines of the Stream col (the
// Streams are values, not allocated one by one: a report has thousands of
// strings).
func (w *walker) walk(v reflect.Value, col *Stream) {
	p := w.policy
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			// Even an empty string is a line: it ends a block.
			s := v.String()
			if out := col.Text(s); out != s {
				v.SetString(out)
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			if v.Kind() == reflect.Interface {
				// The value inside an interface is not addressable: copy,
				// redact and put back.
				if !v.CanSet() {
					return
				}
				c := reflect.New(v.Elem().Type()).Elem()
				c.Set(v.Elem())
				w.walk(c, col)
				v.Set(c)
				return
			}
			if holdsStrings(v.Type().Elem()) {
				own := Stream{policy: p}
				w.walk(v.Elem(), &own)
			}
		}
	case reflect.Struct:
		w.walkRow(v, nil)
	case reflect.Slice, reflect.Array:
		if !holdsStrings(v.Type().Elem()) {
			return
		}
		// A slice of structs is a table: each field is a column of lines
		// of its own (a key quoted as evidence, line by line, is one
		// column; the command and file beside each line are others).
		lines := Stream{policy: p}
		var columns []Stream
		for i := 0; i < v.Len(); i++ {
			if e := v.Index(i); e.Kind() == reflect.Struct {
				columns = w.walkRow(e, columns)
			} else {
				w.walk(e, &lines)
			}
		}
	case reflect.Map:
		if !holdsStrings(v.Type().Elem()) {
			return
		}
		iter := v.MapRange()
		for iter.Next() {
			c := reflect.New(iter.Value().Type()).Elem()
			c.Set(iter.Value())
			own := Stream{policy: p}
			w.walk(c, &own)
			v.SetMapIndex(iter.Key(), c)
		}
	}
}

// walkRow walks the exported fields of a struct, each field's strings as
// the next lines of its column's Stream (columns, by field index, nil or
// as the previous row left them); it returns the columns.
func (w *walker) walkRow(v reflect.Value, columns []Stream) []Stream {
	if v.CanAddr() {
		if d, ok := v.Addr().Interface().(Done); ok && d.RedactedWith(*w.policy) {
			return columns
		}
	}
	fields := stringFields(v.Type())
	if columns == nil && len(fields) > 0 {
		columns = w.columns(v.NumField())
	}
	for _, i := range fields {
		w.walk(v.Field(i), &columns[i])
	}
	return columns
}

// typeInfo caches, per type, holdsStrings and stringFields: the
// reflection that finds them costs more than walking the strings.
var typeInfo sync.Map // reflect.Type -> *walkInfo

type walkInfo struct {
	holds  bool
	fields []int // a struct's exported fields that may hold strings
}

// holdsStrings reports whether a value of type t may hold a string walk
// can set: false only for types that cannot (numbers, booleans, structs
// of them, time.Time, whose fields are unexported), which walk skips.
func holdsStrings(t reflect.Type) bool { return info(t).holds }

// stringFields lists the exported fields of the struct type t that may
// hold strings, by index.
func stringFields(t reflect.Type) []int { return info(t).fields }

func info(t reflect.Type) *walkInfo {
	if wi, ok := typeInfo.Load(t); ok {
		return wi.(*walkInfo)
	}
	wi := computeInfo(t, map[reflect.Type]bool{})
	typeInfo.Store(t, wi)
	return wi
}

// computeInfo finds t's walkInfo; a type met again inside itself (a
// recursive type) is taken to hold strings, so nothing that may hold one
// is skipped.
func computeInfo(t reflect.Type, seen map[reflect.Type]bool) *walkInfo {
	wi := &walkInfo{}
	if seen[t] {
		wi.holds = true
		return wi
	}
	seen[t] = true
	defer delete(seen, t)
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		wi.holds = true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		wi.holds = computeInfo(t.Elem(), seen).holds
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && computeInfo(f.Type, seen).holds {
				wi.fields = append(wi.fields, i)
			}
		}
		wi.holds = len(wi.fields) > 0
	}
	return wi
}
