"""Read a vCard or iCalendar file from stdin with Debian's Python parsers (vobject, icalendar),
not the library Kith itself uses, and print what they found as JSON. Run with -W error, so
any warning either parser gives fails the check."""
import json
import sys

import icalendar
import vobject


def values(component, name):
    return [line.value for line in component.contents.get(name, [])]


def vcards(text):
    out = []
    for card in vobject.readComponents(text, validate=True):
        card.validate(raiseException=True)
        out.append({
            'uid': card.uid.value,
            'fn': card.fn.value,
            'n': [card.n.value.family, card.n.value.given],
            'org': values(card, 'org'),
            'title': values(card, 'title'),
            'emails': values(card, 'email'),
            'tels': values(card, 'tel'),
            'urls': values(card, 'url'),
            'note': values(card, 'note'),
            'categories': values(card, 'categories'),
            # vobject reads vCard 3.0 types: a 4.0 data: URI is parsed, but not decoded.
            'photos': len(card.contents.get('photo', [])),
            'bday': values(card, 'bday'),
            'anniversary': values(card, 'anniversary'),
            # Apple's labelled dates: itemN.X-ABDATE with its itemN.X-ABLabel.
            'labelled_dates': sorted(
                [line.value, next((l.value for l in card.contents.get('x-ablabel', [])
                                   if l.group == line.group), None)]
                for line in card.contents.get('x-abdate', [])
            ),
        })
    return out


def events(text):
    # Both parsers must read it, and agree on the events.
    calendar = icalendar.Calendar.from_ical(text)
    strict = vobject.readOne(text, validate=True)
    strict.validate(raiseException=True)
    out = []
    for event in calendar.walk('VEVENT'):
        start = event.decoded('DTSTART')
        item = {
            'uid': str(event['UID']),
            'summary': str(event['SUMMARY']),
            'start': start.isoformat(),
            'description': str(event.get('DESCRIPTION', '')),
        }
        if 'DURATION' in event:
            item['minutes'] = int(event.decoded('DURATION').total_seconds() // 60)
        if 'DTEND' in event:
            item['end'] = event.decoded('DTEND').isoformat()
        if 'RRULE' in event:
            item['rrule'] = event['RRULE'].to_ical().decode()
        out.append(item)
    if len(out) != len(strict.contents.get('vevent', [])):
        raise SystemExit('the two parsers found different events')
    return out


text = sys.stdin.buffer.read().decode('utf-8')
kind = sys.argv[1]
print(json.dumps(vcards(text) if kind == 'vcard' else events(text), ensure_ascii=False))
