import type { Command } from 'commander';
import { Argument, Option } from 'commander';
import { ROLES, type Role } from '../../../domain/editorial.js';
import { VesaliusError } from '../../../domain/errors.js';
import { type CliIo, type StoreOptions, storeOptions, withService } from './editorial-store.js';

/** `vesalius users add|list|set-role`: editorial accounts, with the operator's access to the store. */
export function registerUsers(program: Command, io: CliIo): void {
  const users = program.command('users').description('Editorial accounts (admin, reviewer, editor, reader).');
  storeOptions(
    users
      .command('add')
      .description('Add an account; the password is read from standard input.')
      .argument('<username>')
      .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
      .requiredOption('--name <name>', 'display name, e.g. "Dr Ada Lovelace"')
      .option('--credentials <text>', 'shown with approvals, e.g. "MD, FCCP"', '')
      .option('--password-stdin', 'read the password from standard input (required)'),
  ).action(
    async (
      username: string,
      options: StoreOptions & { role: Role; name: string; credentials: string; passwordStdin?: boolean },
    ) => {
      if (!options.passwordStdin)
        throw new VesaliusError(
          'INVALID_INPUT',
          'pass --password-stdin and pipe the password in, so it never appears in the process list or shell history.',
        );
      const password = (await io.readStdin()).split('\n')[0] ?? '';
      await withService(options, async (service) => {
        const user = await service.addUser(
          { username, displayName: options.name, credentials: options.credentials, role: options.role, password },
          null,
        );
        io.out(`Added ${user.username} (${user.role}).\n`);
      });
    },
  );

  storeOptions(users.command('list').description('List accounts.').option('--json', 'print JSON')).action(
    async (options: StoreOptions & { json?: boolean }) => {
      await withService(options, async (_service, repository) => {
        const list = await repository.listUsers();
        if (options.json) io.out(`${JSON.stringify(list)}\n`);
        else
          for (const user of list)
            io.out(
              `${user.username}\t${user.role}\t${user.displayName}${user.credentials ? `, ${user.credentials}` : ''}\n`,
            );
      });
    },
  );

  storeOptions(
    users
      .command('set-role')
      .description("Change an account's role.")
      .argument('<username>')
      .addArgument(new Argument('<role>').choices([...ROLES])),
  ).action(async (username: string, role: Role, options: StoreOptions) => {
    await withService(options, async (service) => {
      const user = await service.setRole(username, role, null);
      io.out(`${user.username} is now ${user.role}.\n`);
    });
  });
}
