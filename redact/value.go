package redact

import "reflect"

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
	p.walk(v.Elem(), p.Stream())
}

// Done is a struct whose strings were redacted already, such as a device's
// diagnosis redacted by the worker that made it, in parallel with the
// other hosts' collection, instead of at the end of the run.
type Done interface {
	// RedactedWith reports whether the value was redacted with p and not
	// changed since.
	RedactedWith(p Policy) bool
}

func (p Policy) walk(v reflect.Value, st *Stream) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(st.Text(v.String()))
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
				p.walk(c, st)
				v.Set(c)
				return
			}
			p.walk(v.Elem(), p.Stream())
		}
	case reflect.Struct:
		p.walkRow(v, map[int]*Stream{})
	case reflect.Slice, reflect.Array:
		// A slice of structs is a table: each field is a column of lines
		// of its own (a key quoted as evidence, line by line, is one
		// column; the command and file beside each line are others).
		lines, columns := p.Stream(), map[int]*Stream{}
		for i := 0; i < v.Len(); i++ {
			if e := v.Index(i); e.Kind() == reflect.Struct {
				p.walkRow(e, columns)
			} else {
				p.walk(e, lines)
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			c := reflect.New(iter.Value().Type()).Elem()
			c.Set(iter.Value())
			p.walk(c, p.Stream())
			v.SetMapIndex(iter.Key(), c)
		}
	}
}

// walkRow walks the exported fields of a struct, each field's strings as
// the next lines of its column's Stream.
func (p Policy) walkRow(v reflect.Value, columns map[int]*Stream) {
	if v.CanAddr() {
		if d, ok := v.Addr().Interface().(Done); ok && d.RedactedWith(p) {
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
		p.walk(v.Field(i), st)
	}
}
