<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disbursement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-loan monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning / recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blacklisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommend for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disburse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle (repaid in full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrears paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise early warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start credit recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery plan kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery plan failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blacklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift blacklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit loan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order loan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit + order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reassign cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review the officers&apos; queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reveal personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>A case in stage “{stage}” cannot be moved by “{action}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role “{role}” may not “{action}” a case in “{stage}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is in another officer&apos;s work list; ask a supervisor to reassign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maker–checker: you recommended this case, so someone else must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank-referred customers are monitored by the partner bank (R2); no automatic warning is raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for “{action}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name is 1 to 40 characters without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is switched off; ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role “{role}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name “{name}” is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot switch yourself off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role “{role}” may not {permission}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {case} was changed by {who} at {when}; it has been reloaded. Nothing of yours was saved; check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no case {case}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role “{role}” cannot work on cases in “{stage}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has already claimed case {case}; a supervisor can reassign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That person cannot work on cases in “{stage}”; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to reveal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (SQLite said: {error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” is on a network share; SQLite cannot lock it safely there. Keep the database on a local disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” was written by a newer version of the workstation (schema {found}, this program knows {known}). Update the program; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” is not a workstation database (it is not an SQLite file). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
